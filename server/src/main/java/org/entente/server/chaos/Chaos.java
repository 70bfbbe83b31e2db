package org.entente.server.chaos;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.entente.server.sim.Simulation;

/**
 * A chaos run: an {@code entente serve} child process kept busy with games of remote bots while it
 * is killed and restarted, sent garbage and, when given a small file system, has its disk filled
 * and freed, at seeded random moments; then every game is checked against its journal and an
 * uninterrupted run.
 */
final class Chaos {
  /** What a chaos run does. */
  record Settings(
      Duration length,
      long seed,
      int games,
      Path data,
      int port,
      Path fillDir,
      int deadlineSeconds,
      int thinkMillis,
      int minGapSeconds,
      int maxGapSeconds,
      List<Simulation.Setup> scenarios) {}

  private enum Event {
    KILL,
    GARBAGE,
    FILL
  }

  private final Settings settings;
  private final PrintWriter out;
  private final Ledger ledger = new Ledger();
  private final Random random;
  private final List<Event> deck = new ArrayList<>();
  private long started;

  Chaos(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
    this.random = new Random(settings.seed());
  }

  ChaosReport run(Path log) throws IOException, InterruptedException {
    ServeProcess server = new ServeProcess(settings.data(), settings.port(), log);
    DiskFiller filler = settings.fillDir() == null ? null : new DiskFiller(settings.fillDir());
    Thread cleanUp = new Thread(() -> emergencyStop(server, filler), "entente-chaos-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    started = System.nanoTime();
    server.start();
    say(
        "server started on port %d, data %s, its output in %s",
        server.port(), settings.data(), log);
    List<ChaosGame> games = new CopyOnWriteArrayList<>();
    List<GameDriver> drivers = drivers(server, games);
    List<Thread> threads = new ArrayList<>();
    for (GameDriver driver : drivers) {
      Thread t = new Thread(driver, "chaos-driver-" + threads.size());
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    strike(server, filler, games, started + settings.length().toNanos());
    drivers.forEach(GameDriver::stop);
    server.close();
    for (Thread t : threads) {
      t.join(30_000);
    }
    say("stopped: %d games, checking them against their journals", games.size());
    Duration duration = Duration.ofNanos(System.nanoTime() - started);
    List<Verification.Verdict> verdicts =
        new Verification(settings.data()).check(List.copyOf(games), ledger.acknowledged());
    Runtime.getRuntime().removeShutdownHook(cleanUp);
    return new ChaosReport(duration, ledger, verdicts);
  }

  /** One driver per game at once, each starting on another scenario. */
  private List<GameDriver> drivers(ServeProcess server, List<ChaosGame> games) {
    List<GameDriver> drivers = new ArrayList<>();
    for (int i = 0; i < settings.games(); i++) {
      List<Simulation.Setup> rotated = new ArrayList<>(settings.scenarios());
      Collections.rotate(rotated, -i);
      drivers.add(
          new GameDriver(
              server,
              rotated,
              settings.seed() + i,
              settings.deadlineSeconds(),
              settings.thinkMillis(),
              ledger,
              games));
    }
    return drivers;
  }

  /** Kills, garbage and disk fills at random moments until {@code end} (a nano time). */
  private void strike(ServeProcess server, DiskFiller filler, List<ChaosGame> games, long end)
      throws IOException, InterruptedException {
    Garbage garbage = new Garbage(server.port(), new Random(~settings.seed()), ledger);
    while (true) {
      long gapMillis =
          1000L * settings.minGapSeconds()
              + (long)
                  (random.nextDouble()
                      * 1000L
                      * (settings.maxGapSeconds() - settings.minGapSeconds()));
      if (System.nanoTime() + gapMillis * 1_000_000 >= end) {
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        return;
      }
      Thread.sleep(gapMillis);
      switch (next(filler != null)) {
        case KILL -> restart(server, games);
        case GARBAGE -> garbage(garbage, server);
        case FILL -> fill(filler);
      }
    }
  }

  /** The next event: the events are dealt from a deck shuffled anew each round. */
  private Event next(boolean fills) {
    if (deck.isEmpty()) {
      deck.addAll(List.of(Event.KILL, Event.KILL, Event.GARBAGE));
      if (fills) {
        deck.add(Event.FILL);
      }
      Collections.shuffle(deck, random);
    }
    return deck.remove(deck.size() - 1);
  }

  private void restart(ServeProcess server, List<ChaosGame> games)
      throws IOException, InterruptedException {
    server.kill();
    long down = System.nanoTime();
    Thread.sleep(random.nextInt(2000));
    server.start();
    long downMillis = (System.nanoTime() - down) / 1_000_000;
    ledger.restarted(downMillis);
    say(
        "killed (SIGKILL) and restarted, down %.1f s; %d games so far, %d orders acknowledged",
        downMillis / 1e3, games.size(), ledger.acknowledgedCount());
  }

  private void garbage(Garbage garbage, ServeProcess server) {
    long rejected = ledger.garbageRejected.get();
    long sent = ledger.garbageSent.get();
    garbage.burst();
    ledger.healthChecks.incrementAndGet();
    boolean healthy = server.healthy();
    if (!healthy) {
      ledger.healthFailures.incrementAndGet();
    }
    say(
        "garbage: %d pieces sent, %d rejected; /health %s",
        ledger.garbageSent.get() - sent,
        ledger.garbageRejected.get() - rejected,
        healthy ? "answers" : "DOES NOT ANSWER");
  }

  private void fill(DiskFiller filler) throws IOException, InterruptedException {
    long refused = ledger.ordersRefusedDiskFull.get();
    long bytes = filler.fill();
    ledger.diskFills.incrementAndGet();
    int holdMillis = 3000 + random.nextInt(5000);
    Thread.sleep(holdMillis);
    filler.free();
    say(
        "disk filled (%d MiB written until it was full), held %.1f s, freed; %d orders refused"
            + " meanwhile",
        bytes >> 20, holdMillis / 1e3, ledger.ordersRefusedDiskFull.get() - refused);
  }

  private void say(String format, Object... args) {
    long s = (System.nanoTime() - started) / 1_000_000_000;
    out.printf("[%02d:%02d] %s%n", s / 60, s % 60, String.format(format, args));
    out.flush();
  }

  /** On an interrupted run: no server left behind, no disk left full. */
  private static void emergencyStop(ServeProcess server, DiskFiller filler) {
    try {
      if (filler != null) {
        filler.free();
      }
      server.kill();
    } catch (IOException e) {
      // nothing more to do on the way out
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
