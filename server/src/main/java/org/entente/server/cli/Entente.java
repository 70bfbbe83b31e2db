package org.entente.server.cli;

public final class Entente {
  public static void main(String[] args) {}
}
