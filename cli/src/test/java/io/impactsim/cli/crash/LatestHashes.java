package io.impactsim.cli.crash;

/**
 * The latest 64-bit value hash of each 64-bit key hash, in flat arrays with open addressing: about
 * 17 bytes a key where a {@code HashMap<Long, Long>} takes about 80, so that the tens of millions
 * of reaction keys of a large crash test fit in the test JVM. A removed key keeps its slot.
 */
final class LatestHashes {
  private static final byte EMPTY = 0;
  private static final byte LIVE = 1;
  private static final byte REMOVED = 2;

  /** Calls back with a live key and its value. */
  interface Visitor {
    void visit(long key, long value);
  }

  private long[] keys;
  private long[] values;
  private byte[] states;
  private int used;
  private int live;

  LatestHashes() {
    allocate(1 << 12);
  }

  void put(long key, long value) {
    // Filled to three quarters at most: linear probing stays short, and 4M keys take 8M slots.
    if (4L * (used + 1) > 3L * states.length) {
      grow();
    }
    int i = slot(key);
    if (states[i] == EMPTY) {
      used++;
    }
    if (states[i] != LIVE) {
      live++;
    }
    keys[i] = key;
    values[i] = value;
    states[i] = LIVE;
  }

  void remove(long key) {
    int i = slot(key);
    if (states[i] == LIVE) {
      states[i] = REMOVED;
      live--;
    }
  }

  boolean contains(long key) {
    return states[slot(key)] == LIVE;
  }

  /** The value of a live key; check {@link #contains} first. */
  long get(long key) {
    return values[slot(key)];
  }

  int size() {
    return live;
  }

  void forEach(Visitor visitor) {
    for (int i = 0; i < states.length; i++) {
      if (states[i] == LIVE) {
        visitor.visit(keys[i], values[i]);
      }
    }
  }

  /** The key's slot, or the empty slot where it would go. */
  private int slot(long key) {
    int mask = states.length - 1;
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (states[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new long[capacity];
    states = new byte[capacity];
    used = 0;
    live = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    byte[] oldStates = states;
    allocate(oldStates.length * 2);
    for (int i = 0; i < oldStates.length; i++) {
      if (oldStates[i] == LIVE) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
