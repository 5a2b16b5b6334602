package eatbot.plan;

/**
 * Indices in decreasing order of their key (ties: lower index first), sorted only as
 * far as someone reads: a binary heap is built in O(n) and popped on demand, so a
 * reader that stops after w entries pays O(n + w log n), not O(n log n).
 */
final class SortedPrefix {
    private final int[] heap;
    private final int[] sorted;
    private double[] key;
    private int heapSize;
    private int sortedSize;

    SortedPrefix(int capacity) {
        heap = new int[capacity];
        sorted = new int[capacity];
    }

    /** Starts over with these indices (the first {@code n} of {@code items}) and keys. */
    void reset(int[] items, int n, double[] key) {
        this.key = key;
        System.arraycopy(items, 0, heap, 0, n);
        heapSize = n;
        sortedSize = 0;
        for (int i = n / 2 - 1; i >= 0; i--) siftDown(i);
    }

    /** How many indices there are in all. */
    int size() {
        return sortedSize + heapSize;
    }

    /** The i-th index in order (i &lt; size()). */
    int get(int i) {
        while (sortedSize <= i) {
            sorted[sortedSize++] = heap[0];
            heap[0] = heap[--heapSize];
            siftDown(0);
        }
        return sorted[i];
    }

    private boolean before(int a, int b) {
        return key[a] > key[b] || (key[a] == key[b] && a < b);
    }

    private void siftDown(int i) {
        int item = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) break;
            if (child + 1 < heapSize && before(heap[child + 1], heap[child])) child++;
            if (!before(heap[child], item)) break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }
}
