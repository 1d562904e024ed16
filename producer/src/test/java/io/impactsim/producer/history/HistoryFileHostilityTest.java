package io.impactsim.producer.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.impactsim.schemas.avro.CompanyProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * History files a hostile or careless user may hand over: bytes that are not UTF-8, other
 * encodings, binary files, devices, directories, files and lines too long to hold, and numbers
 * beyond the range of their field. Each is a clear problem of the input, never an exception.
 */
class HistoryFileHostilityTest {
  private static final String OPENAI =
      "{\"formatVersion\":1,\"type\":\"company\",\"eventId\":\"c-openai\","
          + "\"occurredAt\":\"2025-10-27T20:00:00Z\",\"source\":\"test\",\"id\":\"openai\","
          + "\"name\":\"OpenAI\",\"listed\":false,\"referenceDate\":\"2025-10-27\"}";

  @TempDir Path dir;

  @Test
  void aLatin1ByteFailsOnlyItsLineAndTheLinesAfterItAreRead() throws IOException {
    Path file =
        bytes(
            line(OPENAI),
            line(company("c-cafe", "cafe").replace("Company", "Caf\u00e9"), "ISO-8859-1"),
            line(company("c-other", "other")));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history))
        .singleElement()
        .asString()
        .startsWith(file + ":2: not UTF-8: byte 0xE9 at byte ")
        .endsWith("save the file as UTF-8");
    assertThat(history.events())
        .extracting(e -> e.eventId())
        .containsExactly("c-openai", "c-other");
  }

  @Test
  void validUtf8IsKeptAsWrittenAndAByteOrderMarkIsSkipped() throws IOException {
    Path file =
        bytes(
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
            line(company("c-cafe", "cafe").replace("Company", "Caf\u00e9 \ud83d\ude80")));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(history.problems()).isEmpty();
    assertThat(String.valueOf(((CompanyProfile) history.events().get(0).value()).getName()))
        .isEqualTo("Caf\u00e9 \ud83d\ude80");
  }

  @Test
  void aUtf16FileIsOneProblemNamingItsEncoding() throws IOException {
    Path file = bytes(line(OPENAI, "UTF-16"));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history))
        .containsExactly(
            file
                + ":1: not UTF-8: the file starts with a UTF-16 (big-endian) byte-order mark;"
                + " save it as UTF-8");
  }

  @Test
  @Timeout(30)
  void aBinaryFileIsGivenUpOnAfterAThousandBadLines() throws IOException {
    byte[] noise = new byte[4 * 1024 * 1024];
    new SplittableRandom(16).nextBytes(noise);
    Path file = bytes(noise);

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(history.events()).isEmpty();
    assertThat(history.problems()).hasSizeLessThan(Utf8Lines.MAX_BAD_LINES + 100);
    assertThat(messages(history).get(history.problems().size() - 1))
        .contains("gave up after 1000 lines that are not UTF-8 text: is this a binary file?");
  }

  @Test
  void aNulByteIsNamedAsSuch() throws IOException {
    Path file = bytes(line(OPENAI), line("{\"a\":\"\u0000\"}"));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history))
        .containsExactly(
            file + ":2: not UTF-8 text: a NUL byte at byte 7 of the line (binary or UTF-16?)");
  }

  @Test
  @Timeout(10)
  void aDeviceIsRefusedWithoutReadingIt() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "a system with /dev/zero");

    History history = HistoryReader.read(List.of(zero), Set.of());

    assertThat(messages(history))
        .containsExactly(
            "/dev/zero:0: not a regular file (a device, FIFO or socket): give a history file");
  }

  @Test
  void aDirectoryIsRefused() {
    History history = HistoryReader.read(List.of(dir), Set.of());

    assertThat(messages(history)).containsExactly(dir + ":0: is a directory, not a history file");
  }

  @Test
  @Timeout(10)
  void aFileOverOneGibibyteIsRefusedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("huge.jsonl");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(HistoryReader.MAX_JSON_LINES_BYTES + 1);
    }

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history))
        .containsExactly(
            file
                + ":0: file of 1,073,741,825 bytes is over the 1 GiB limit of JSON Lines"
                + " history: split it or convert it to an Avro container file");
  }

  @Test
  void aLineOverEightMebibytesIsOneProblemAndTheNextLineIsRead() throws IOException {
    byte[] longLine = new byte[Utf8Lines.MAX_LINE_BYTES + 1];
    java.util.Arrays.fill(longLine, (byte) 'x');
    Path file = bytes(longLine, "\n".getBytes(StandardCharsets.UTF_8), line(OPENAI));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history)).containsExactly(file + ":1: line longer than 8 MiB: not read");
    assertThat(history.events()).extracting(e -> e.eventId()).containsExactly("c-openai");
  }

  @Test
  void aFormatVersionBeyondTheIntRangeIsRefusedNotTruncated() throws IOException {
    // 2^32 + 1 truncates to 1, the version this reader reads.
    Path file = bytes(line(OPENAI.replace("\"formatVersion\":1", "\"formatVersion\":4294967297")));

    History history = HistoryReader.read(List.of(file), Set.of());

    assertThat(messages(history))
        .containsExactly(
            file + ":1:formatVersion: unsupported format version 4294967297, expected 1");
  }

  @Test
  void randomBytesNeverThrowAndEveryProblemHasALine() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (int run = 0; run < 200; run++) {
      byte[] noise = new byte[random.nextInt(1, 2_000)];
      random.nextBytes(noise);
      for (int i = 0; i < noise.length; i += random.nextInt(1, 80)) {
        noise[i] = '\n';
      }
      Path file = bytes(noise);

      History history = HistoryReader.read(List.of(file), Set.of());

      assertThat(history.problems())
          .as("run %d", run)
          .allSatisfy(p -> assertThat(p.line()).isPositive());
    }
  }

  private static String company(String eventId, String id) {
    return OPENAI
        .replace("c-openai", eventId)
        .replace("\"openai\"", "\"" + id + "\"")
        .replace("OpenAI", "Company");
  }

  private static byte[] line(String text) {
    return line(text, "UTF-8");
  }

  private static byte[] line(String text, String charset) {
    return (text + "\n").getBytes(java.nio.charset.Charset.forName(charset));
  }

  private Path bytes(byte[]... parts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return Files.write(dir.resolve("history.jsonl"), out.toByteArray());
  }

  private static List<String> messages(History history) {
    return history.problems().stream().map(HistoryProblem::toString).toList();
  }
}
