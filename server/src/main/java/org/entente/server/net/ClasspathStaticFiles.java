package org.entente.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from a folder of the classpath ("web/"): "/" and paths ending in "/" mean their
 * {@code index.html}; a path with "..", ".", an empty segment, a backslash or a NUL is refused; a
 * last segment without an extension is not served (it may be a folder).
 *
 * <p>Files found are kept in memory: a jar's resources never change and the web client is small.
 * Misses are not kept, so made-up paths cannot grow the cache.
 */
public final class ClasspathStaticFiles implements StaticFiles {
  private static final Map<String, String> CONTENT_TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/markdown; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("wasm", "application/wasm"),
          Map.entry("woff2", "font/woff2"));

  private final ClassLoader loader;
  private final String root;
  private final Map<String, Resource> cache = new ConcurrentHashMap<>();

  /**
   * @param loader where to look
   * @param root the resource folder, ending in "/" ("web/")
   */
  public ClasspathStaticFiles(ClassLoader loader, String root) {
    if (!root.isEmpty() && !root.endsWith("/")) {
      throw new IllegalArgumentException("root must end with /: " + root);
    }
    this.loader = loader;
    this.root = root;
  }

  @Override
  public Optional<Resource> find(String path) {
    String relative = relative(path);
    if (relative == null) {
      return Optional.empty();
    }
    Resource cached = cache.get(relative);
    if (cached != null) {
      return Optional.of(cached);
    }
    try (InputStream in = loader.getResourceAsStream(root + relative)) {
      if (in == null) {
        return Optional.empty();
      }
      Resource found = new Resource(in.readAllBytes(), contentType(relative));
      cache.put(relative, found);
      return Optional.of(found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + root + relative, e);
    }
  }

  /** The resource path under the root, or null when the URL path is refused. */
  static String relative(String path) {
    if (path == null || !path.startsWith("/")) {
      return null;
    }
    String relative = path.substring(1);
    if (relative.isEmpty() || relative.endsWith("/")) {
      relative += "index.html";
    }
    if (relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0) {
      return null;
    }
    String[] segments = relative.split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return null;
      }
    }
    return segments[segments.length - 1].lastIndexOf('.') > 0 ? relative : null;
  }

  static String contentType(String path) {
    String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
