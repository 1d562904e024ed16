package io.impactsim.serve;

import io.impactsim.schemas.json.AvroToJson;
import io.impactsim.views.View;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code GET /api/stream}: Server-Sent Events of the views. Each event is named after its view
 * ({@code market-share}, {@code capex}, {@code market-cap}, {@code reactions}) and carries {@code
 * {"key", "value"}}. A new client first gets the current entry of every key (a snapshot of the view
 * stores), then one {@code replayed} event, then the changes as they happen.
 *
 * <p>Each client joins the feed before its snapshot is taken, so a change made meanwhile is queued
 * for it; the snapshot's entry of a key with a queued change is left out, the change overrides it.
 * Each client has a queue of at most {@code buffer} changes: a client that falls that far behind is
 * sent an {@code unavailable} event and disconnected (a browser's EventSource reconnects and starts
 * again from a fresh snapshot). When the snapshot cannot be taken (the application is not running,
 * its stores have not caught up) the client gets {@code unavailable} with the reason and is
 * disconnected too. A comment every heartbeat interval finds the clients that have gone while the
 * views are quiet: the write fails and the connection is released.
 */
final class LiveStream implements AutoCloseable {
  static final String PATH = "/api/stream";

  /** How long a new client waits for its snapshot before it is told to come back. */
  static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);

  private static final long WAKE_MS = 500;

  private final ViewFeed feed;
  private final ViewSnapshot snapshot;
  private final Duration heartbeat;
  private final int buffer;
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  // One thread per client, for as long as it stays: a slow client blocks no one else.
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "impactsim-live-client");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean closed;

  LiveStream(
      ViewFeed feed,
      ViewSnapshot snapshot,
      ServingMetrics metrics,
      Duration heartbeat,
      int buffer) {
    this.feed = feed;
    this.snapshot = snapshot;
    this.heartbeat = heartbeat;
    this.buffer = buffer;
    metrics.liveClients(clients::size);
  }

  void addTo(RoutesConfig routes) {
    routes.before(PATH, ctx -> Params.only(ctx, Set.of()));
    routes.sse(PATH, this::serve);
  }

  private void serve(SseClient sse) {
    // The request stays open until the client's thread closes it.
    sse.keepAlive();
    Client client = new Client(sse, new ArrayBlockingQueue<>(buffer));
    clients.add(client);
    threads.execute(
        () -> {
          try {
            client.run();
          } catch (RuntimeException e) {
            // A write to a client that has gone; nothing to tell anyone.
          } finally {
            feed.unsubscribe(client);
            clients.remove(client);
            sse.close();
          }
        });
  }

  /** Open live clients. */
  int clients() {
    return clients.size();
  }

  @Override
  public void close() {
    closed = true;
    threads.shutdown();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    threads.shutdownNow();
  }

  private final class Client implements ViewFeed.Subscriber {
    private final SseClient sse;
    private final BlockingQueue<ViewFeed.Change> queue;
    // The keys of the changes queued while the snapshot is sent, at most the queue's capacity: the
    // snapshot's entry of such a key is left out, the change overrides it.
    private final Set<String> changedDuringSnapshot = ConcurrentHashMap.newKeySet();
    private volatile boolean snapshotting = true;
    private volatile String ended;

    Client(SseClient sse, BlockingQueue<ViewFeed.Change> queue) {
      this.sse = sse;
      this.queue = queue;
    }

    @Override
    public boolean offer(ViewFeed.Change change) {
      boolean queued = queue.offer(change);
      if (queued && snapshotting) {
        changedDuringSnapshot.add(id(change.view(), change.key()));
      }
      return queued;
    }

    @Override
    public void ended(String why) {
      ended = why;
    }

    void run() {
      int sent;
      try {
        sent = sendSnapshot();
      } catch (ApiError e) {
        unavailable(e.getMessage());
        return;
      }
      send("replayed", "{\"changes\":" + sent + "}");
      long nextBeat = System.nanoTime() + heartbeat.toNanos();
      while (!sse.terminated() && !closed && ended == null) {
        ViewFeed.Change change;
        try {
          change = queue.poll(Math.min(WAKE_MS, heartbeat.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (change != null) {
          send(change.view().id(), change.json());
        }
        if (System.nanoTime() - nextBeat >= 0 && !sse.terminated()) {
          sse.sendComment("heartbeat");
          nextBeat = System.nanoTime() + heartbeat.toNanos();
        }
      }
      if (ended != null) {
        unavailable(ended);
      }
    }

    private int sendSnapshot() {
      Map<TopicPartition, Long> at;
      try {
        at = feed.subscribe(this).get(SNAPSHOT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw ApiError.unavailable(e.getCause().getMessage());
      } catch (TimeoutException e) {
        throw ApiError.unavailable("the live feed is not following the views yet");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ApiError.unavailable("interrupted");
      }
      int[] sent = {0};
      // Entries are sent as the stores give them; a client that has gone stops the reading.
      snapshot.take(
          List.of(View.values()),
          at,
          SNAPSHOT_TIMEOUT,
          e -> {
            if (sse.terminated()) {
              throw ApiError.unavailable("the client has gone");
            }
            if (!changedDuringSnapshot.contains(id(e.view(), e.key()))) {
              send(e.view().id(), e.node().toString());
              sent[0]++;
            }
          });
      snapshotting = false;
      changedDuringSnapshot.clear();
      return sent[0];
    }

    private static String id(View view, String key) {
      return view.id() + "\u0000" + key;
    }

    private void unavailable(String why) {
      send("unavailable", AvroToJson.MAPPER.createObjectNode().put("message", why).toString());
    }

    private void send(String event, String data) {
      if (!sse.terminated()) {
        sse.sendEvent(event, data);
      }
    }
  }
}
