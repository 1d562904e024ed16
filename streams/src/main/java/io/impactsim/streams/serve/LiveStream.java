package io.impactsim.streams.serve;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code GET /api/stream}: Server-Sent Events of every view change. Each event is named after its
 * view ({@code market-share}, {@code capex}, {@code market-cap}, {@code reactions}) and carries
 * {@code {"key", "value"}}; a new client first gets the recent changes, then one {@code replayed}
 * event, then the changes as they happen.
 */
final class LiveStream {
  static final String PATH = "/api/stream";

  private final ViewFeed feed;

  LiveStream(ViewFeed feed) {
    this.feed = feed;
  }

  void addTo(RoutesConfig routes) {
    routes.before(PATH, ctx -> Params.only(ctx, Set.of()));
    routes.sse(PATH, this::join);
  }

  private void join(SseClient client) {
    client.keepAlive();
    Consumer<ViewFeed.Change> live = change -> send(client, change);
    client.onClose(() -> feed.unsubscribe(live));
    feed.subscribe(
        past -> {
          past.forEach(change -> send(client, change));
          client.sendEvent("replayed", "{\"changes\":" + past.size() + "}");
        },
        live);
  }

  private static void send(SseClient client, ViewFeed.Change change) {
    if (!client.terminated()) {
      client.sendEvent(change.view().id(), change.json());
    }
  }
}
