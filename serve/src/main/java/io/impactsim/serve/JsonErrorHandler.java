package io.impactsim.serve;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors the HTTP server finds before any route runs (a request line it cannot decode
 * or will not route: bad percent-encoding, {@code %00}, {@code ..;}, an encoded slash) in the API's
 * JSON error form instead of the server's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  /** The server's own reasons are echoed only when they cannot carry the client's input. */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z ,.:'()-]{1,100}");

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    write(response, code, message, callback);
  }

  @Override
  protected boolean generateAcceptableResponse(
      Request request,
      Response response,
      Callback callback,
      String contentType,
      List<Charset> charsets,
      int code,
      String message,
      Throwable cause) {
    write(response, code, message, callback);
    return true;
  }

  private static void write(Response response, int code, String message, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiError.CONTENT_TYPE);
    String body = ApiError.body(code, reason(code, message)).toString();
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
  }

  static String reason(int code, String message) {
    String plain =
        message != null && PLAIN_REASON.matcher(message).matches()
            ? message
            : HttpStatus.getMessage(code);
    return code == 404
        ? ApiError.NOT_FOUND_MESSAGE
        : "the server refused the request: " + plain.toLowerCase(Locale.ROOT);
  }
}
