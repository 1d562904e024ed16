package io.impactsim.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaRuntimesTest {

  @ParameterizedTest(name = "JAVA_VERSION={0} is Java {1}")
  @CsvSource({"25.0.1, 25", "21, 21", "17.0.15, 17", "1.8.0_392, 8", "22-ea, 22"})
  void theReleaseFileGivesTheFeatureVersion(String version, int expected, @TempDir Path home)
      throws Exception {
    fakeJdk(home, version);

    assertThat(JavaRuntimes.majorVersion(home)).contains(expected);
  }

  @Test
  void aDirectoryWithoutAJavaIsNotAJdk(@TempDir Path home) throws Exception {
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"25\"\n");

    assertThat(JavaRuntimes.majorVersion(home)).isEmpty();
  }

  private static void fakeJdk(Path home, String version) throws Exception {
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.createFile(
        java, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
