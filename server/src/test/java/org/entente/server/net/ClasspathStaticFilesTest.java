package org.entente.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Static files from the classpath: index, content types, and paths that are refused. */
class ClasspathStaticFilesTest {
  @TempDir Path root;
  private StaticFiles files;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(root.resolve("web/js"));
    Files.writeString(root.resolve("web/index.html"), "<h1>hi</h1>");
    Files.writeString(root.resolve("web/js/app.js"), "console.log(1)");
    Files.writeString(root.resolve("secret.txt"), "do not serve");
    ClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    files = new ClasspathStaticFiles(loader, "web/");
  }

  @Test
  void theRootIsTheIndex() {
    StaticFiles.Resource index = files.find("/").orElseThrow();
    assertThat(new String(index.bytes(), StandardCharsets.UTF_8)).isEqualTo("<h1>hi</h1>");
    assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
  }

  @Test
  void filesInFoldersGetTheirContentType() {
    StaticFiles.Resource app = files.find("/js/app.js").orElseThrow();
    assertThat(app.contentType()).startsWith("text/javascript");
    assertThat(files.find("/js/app.js").orElseThrow()).isSameAs(app); // cached
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../secret.txt",
        "/js/../../secret.txt",
        "/./index.html",
        "//index.html",
        "/js\\app.js",
        "/js",
        "/missing.html",
        "index.html",
        "/.hidden"
      })
  void refusesOrMisses(String path) {
    assertThat(files.find(path)).isEmpty();
  }

  @Test
  void theDefaultLooksUnderWeb() {
    assertThat(StaticFiles.classpath().find("/no-such-file.css")).isEmpty();
    assertThat(StaticFiles.none().find("/")).isEmpty();
  }
}
