package io.impactsim.streams.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code GET /api/stream}: Server-Sent Events of every view change. Each event is named after its
 * view ({@code market-share}, {@code capex}, {@code market-cap}, {@code reactions}) and carries
 * {@code {"key", "value"}}; a new client first gets the recent changes, then one {@code replayed}
 * event, then the changes as they happen. A comment every heartbeat interval finds the clients that
 * have gone while the views are quiet: the write fails and the connection is released.
 */
final class LiveStream implements AutoCloseable {
  static final String PATH = "/api/stream";

  private final ViewFeed feed;
  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeats =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "impactsim-live-heartbeat");
            t.setDaemon(true);
            return t;
          });

  LiveStream(ViewFeed feed, ServingMetrics metrics, Duration heartbeat) {
    this.feed = feed;
    metrics.liveClients(clients::size);
    heartbeats.scheduleWithFixedDelay(
        this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
  }

  void addTo(RoutesConfig routes) {
    routes.before(PATH, ctx -> Params.only(ctx, Set.of()));
    routes.sse(PATH, this::join);
  }

  private void join(SseClient client) {
    client.keepAlive();
    Consumer<ViewFeed.Change> live = change -> send(client, change);
    clients.add(client);
    client.onClose(
        () -> {
          clients.remove(client);
          feed.unsubscribe(live);
        });
    feed.subscribe(
        past -> {
          past.forEach(change -> send(client, change));
          synchronized (client) {
            if (!client.terminated()) {
              client.sendEvent("replayed", "{\"changes\":" + past.size() + "}");
            }
          }
        },
        live);
  }

  /** Open live clients. */
  int clients() {
    return clients.size();
  }

  private void heartbeat() {
    for (SseClient client : clients) {
      try {
        synchronized (client) {
          if (client.terminated()) {
            clients.remove(client);
          } else {
            client.sendComment("heartbeat");
          }
        }
      } catch (RuntimeException e) {
        // A client that cannot be written to is gone; the next one must still get its beat.
        clients.remove(client);
        client.close();
      }
    }
  }

  // The feed thread and the heartbeat thread write to one client: one write at a time.
  private static void send(SseClient client, ViewFeed.Change change) {
    synchronized (client) {
      if (!client.terminated()) {
        client.sendEvent(change.view().id(), change.json());
      }
    }
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    clients.forEach(SseClient::close);
    clients.clear();
  }
}
