package org.entente.server.net;

import io.netty.buffer.ByteBuf;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * TLS for the one port: the server's certificate chain and private key, read from PEM files once at
 * start. With TLS set, a connection whose first bytes are a TLS handshake is decrypted first and
 * its plain bytes then choose the face (raw TCP protobuf, HTTP or WebSocket) as on a plain
 * connection; connections that start in the clear are still served.
 */
public final class Tls {
  private final SslContext context;
  private final String description;

  private Tls(SslContext context, String description) {
    this.context = context;
    this.description = description;
  }

  SslContext context() {
    return context;
  }

  /** What was loaded, for the start-up line ("certificate CN=... until ..."). */
  public String description() {
    return description;
  }

  /**
   * Reads a PEM certificate chain and a PEM private key (PKCS#8, "BEGIN PRIVATE KEY").
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static Tls load(Path certFile, Path keyFile) {
    byte[] cert = read(certFile, "--tls-cert", "certificate");
    byte[] key = read(keyFile, "--tls-key", "private key");
    String certText = new String(cert, StandardCharsets.US_ASCII);
    if (!certText.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          "--tls-cert "
              + certFile
              + ": no PEM certificate in it (expected a '-----BEGIN CERTIFICATE-----' block)");
    }
    X509Certificate[] chain;
    try {
      chain =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(cert))
              .toArray(new X509Certificate[0]);
      if (chain.length == 0) {
        throw new CertificateException("no certificate");
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "--tls-cert " + certFile + ": not a readable PEM certificate (" + e.getMessage() + ")",
          e);
    }
    String keyText = new String(key, StandardCharsets.US_ASCII);
    if (keyText.contains("-----BEGIN RSA PRIVATE KEY-----")
        || keyText.contains("-----BEGIN EC PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "--tls-key "
              + keyFile
              + ": the key is in the older PKCS#1/SEC1 form; convert it to PKCS#8 with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in "
              + keyFile
              + " -out key-pkcs8.pem'");
    }
    if (!keyText.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new IllegalArgumentException(
          "--tls-key "
              + keyFile
              + ": no unencrypted PEM private key in it (expected a '-----BEGIN PRIVATE KEY-----'"
              + " block)");
    }
    X509Certificate first = chain[0];
    java.security.PrivateKey privateKey = privateKey(keyText, keyFile, first);
    SslContext context;
    try {
      context = SslContextBuilder.forServer(privateKey, chain).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--tls-cert "
              + certFile
              + " and --tls-key "
              + keyFile
              + " do not make a TLS context: "
              + rootMessage(e),
          e);
    }
    return new Tls(
        context,
        "certificate "
            + first.getSubjectX500Principal().getName()
            + " valid until "
            + first.getNotAfter().toInstant()
            + " from "
            + certFile);
  }

  /**
   * The PKCS#8 key in {@code pem}, checked to be the certificate's: it signs a sample that the
   * certificate's public key verifies (a wrong key would otherwise fail only at each handshake).
   */
  private static java.security.PrivateKey privateKey(
      String pem, Path keyFile, X509Certificate cert) {
    int begin = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = pem.indexOf("-----END PRIVATE KEY-----", begin);
    if (end < 0) {
      throw new IllegalArgumentException(
          "--tls-key " + keyFile + ": the PEM block has no '-----END PRIVATE KEY-----' line");
    }
    String algorithm = cert.getPublicKey().getAlgorithm();
    java.security.PrivateKey key;
    try {
      byte[] der =
          java.util.Base64.getMimeDecoder()
              .decode(pem.substring(begin + "-----BEGIN PRIVATE KEY-----".length(), end).trim());
      key =
          java.security.KeyFactory.getInstance(algorithm)
              .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--tls-key "
              + keyFile
              + ": not a readable "
              + algorithm
              + " private key ("
              + rootMessage(e)
              + ")",
          e);
    }
    String signature =
        switch (algorithm) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "Ed25519", "EdDSA" -> "Ed25519";
          default -> null;
        };
    if (signature != null) {
      try {
        byte[] sample = "entente key check".getBytes(StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance(signature);
        signer.initSign(key);
        signer.update(sample);
        byte[] signed = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(signature);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(sample);
        if (!verifier.verify(signed)) {
          throw new IllegalArgumentException(
              "--tls-key "
                  + keyFile
                  + " is not the private key of the certificate "
                  + cert.getSubjectX500Principal().getName());
        }
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalArgumentException(
            "--tls-key "
                + keyFile
                + " does not go with the certificate "
                + cert.getSubjectX500Principal().getName()
                + " ("
                + rootMessage(e)
                + ")",
            e);
      }
    }
    return key;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static byte[] read(Path file, String option, String what) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(option + " " + file + ": no such file (the " + what + ")");
    }
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          option + " " + file + ": is a folder, not the " + what + " file");
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          option + " " + file + ": cannot read the " + what + " (" + e + ")", e);
    }
  }

  /**
   * True when {@code in} starts like a TLS record carrying a handshake (content type 22, major
   * version 3). A raw TCP frame never does: after a length byte of 22 comes a ClientMessage field
   * tag, and 3 is not one (field 0 is invalid).
   */
  static boolean looksLikeTls(ByteBuf in) {
    if (in.readableBytes() < 3) {
      return false;
    }
    int start = in.readerIndex();
    return in.getUnsignedByte(start) == 22
        && in.getUnsignedByte(start + 1) == 3
        && in.getUnsignedByte(start + 2) <= 4;
  }

  /** True when {@code in} could still become a TLS handshake with more bytes. */
  static boolean mayBeTls(ByteBuf in) {
    int n = in.readableBytes();
    int start = in.readerIndex();
    return n > 0
        && n < 3
        && in.getUnsignedByte(start) == 22
        && (n < 2 || in.getByte(start + 1) == 3);
  }
}
