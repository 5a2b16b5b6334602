# eatbot: build with Maven, run on a JRE as a non-root user.
#   docker build -t eatbot .
#   docker run -d --name eatbot -e DISCORD_TOKEN -v eatbot-data:/data eatbot

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# dependencies first, so a code change does not download them again
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system eatbot && useradd --system --gid eatbot --home-dir /app --shell /usr/sbin/nologin eatbot \
    && mkdir -p /app /data && chown eatbot:eatbot /data
WORKDIR /app
COPY --from=build /src/target/eatbot.jar /app/eatbot.jar
# the database lives on a volume; the token comes only from the environment (docker run -e DISCORD_TOKEN)
ENV EATBOT_DB=/data/eatbot.db
VOLUME /data
USER eatbot
# docker stop sends SIGTERM: the bot stops taking events, finishes its writes and closes the database
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/eatbot.jar"]
