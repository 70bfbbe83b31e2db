package org.entente.server.net;

import java.util.Optional;

/**
 * Resolves a URL path to a file's bytes and content type, for the HTTP face to serve (the web
 * client, by default from the classpath under {@code web/}).
 */
public interface StaticFiles {

  /**
   * The file at this decoded URL path ("/", "/app.js"), or empty when there is none or the path is
   * refused (it climbs out with "..", for instance). Called on an event loop.
   */
  Optional<Resource> find(String path);

  /**
   * A file to serve. The bytes are shared: nobody may change them.
   *
   * @param bytes the content
   * @param contentType its media type, e.g. "text/html; charset=utf-8"
   */
  record Resource(byte[] bytes, String contentType) {}

  /** The web client packaged in the jar, under {@code web/} on the classpath. */
  static StaticFiles classpath() {
    return new ClasspathStaticFiles(StaticFiles.class.getClassLoader(), "web/");
  }

  /** No static files: every path is a 404. */
  static StaticFiles none() {
    return path -> Optional.empty();
  }
}
