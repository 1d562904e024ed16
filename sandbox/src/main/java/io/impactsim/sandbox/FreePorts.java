package io.impactsim.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks loopback ports that are free right now, for servers that cannot bind port 0 themselves (a
 * KRaft controller must know its own address before it starts).
 */
public final class FreePorts {
  private FreePorts() {}

  /** One free port on 127.0.0.1. */
  public static int pick() {
    return pick(1).get(0);
  }

  /** {@code count} distinct free ports on 127.0.0.1. */
  public static List<Integer> pick(int count) {
    // Every probe socket stays open until all are chosen, so no port is handed out twice.
    List<ServerSocket> sockets = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    IOException failure = null;
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports.add(socket.getLocalPort());
      }
    } catch (IOException e) {
      failure = e;
    }
    for (ServerSocket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", failure);
    }
    return ports;
  }
}
