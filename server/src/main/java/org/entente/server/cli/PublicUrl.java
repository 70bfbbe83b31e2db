package org.entente.server.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address students reach the server at, which every link starts with: {@code --public-url} when
 * given, else the bound address when it is a specific one, else the machine's LAN address (its
 * first non-loopback site-local IPv4 address: 10/8, 172.16/12, 192.168/16).
 */
final class PublicUrl {
  private PublicUrl() {}

  /**
   * The chosen base and why it was chosen (printed at start).
   *
   * @param url the base, ending in "/"; null when the port is not known yet
   */
  record Chosen(String url, String why) {}

  /** What is wrong with a --public-url, or null. */
  static String problem(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return "'" + url + "' is not a URL: " + e.getMessage();
    }
    if (u.getScheme() == null
        || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
        || u.getHost() == null) {
      return "'" + url + "' must be an http:// or https:// URL with a host";
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      return "'" + url + "' must have no query or fragment (links add their own)";
    }
    return null;
  }

  /** The URL with a trailing "/". */
  static String normalize(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  /** The base for a server bound to {@code host} on {@code port} (-1: not known yet). */
  static Chosen choose(String host, int port) {
    if (port < 0) {
      return new Chosen(null, "");
    }
    boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty();
    if (!wildcard) {
      return new Chosen(base(host, port), "the address the server is bound to");
    }
    List<InetAddress> lan = lanAddresses();
    if (!lan.isEmpty()) {
      return new Chosen(
          base(lan.get(0).getHostAddress(), port),
          "this machine's LAN address; set --public-url if students use another");
    }
    return new Chosen(
        base("127.0.0.1", port),
        "no LAN address found, so only this machine can follow the links; set --public-url");
  }

  private static String base(String host, int port) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
  }

  /** The machine's non-loopback site-local IPv4 addresses, interfaces that are up first. */
  static List<InetAddress> lanAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
          if (a instanceof Inet4Address && a.isSiteLocalAddress() && !a.isLoopbackAddress()) {
            out.add(a);
          }
        }
      }
    } catch (SocketException e) {
      return List.of();
    }
    return out;
  }
}
