package org.entente.server.load;

import com.sun.management.OperatingSystemMXBean;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.protobuf.ProtobufVarint32FrameDecoder;
import io.netty.handler.codec.protobuf.ProtobufVarint32LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Hand-run harness for the floor cost of the server's wire pattern over loopback TCP, with no game
 * logic: per order one small frame in and one ack out; once all seats of a game have ordered, each
 * seat gets "results" and "view" in one flush, written from whichever event loop took the last
 * order. Netty NIO and varint32 framing as in {@code org.entente.server.net}.
 *
 * <pre>
 * java -cp server/target/test-classes:server/target/entente.jar org.entente.server.load.WireFloor \
 *     server --port 7490 [--io-threads N] [--no-ack] [--seats 8]
 * java -cp ... org.entente.server.load.WireFloor client --server 127.0.0.1:7490 --server-pid PID \
 *     [--games 100] [--seats 8] [--turns 24] [--rounds 3] [--warmup 5] [--threads N]
 * </pre>
 *
 * <p>Frames, tagged by their first byte: client hello (the connection's first frame, 4 bytes game +
 * 4 bytes seat, no tag), order 'O' (60 bytes); server welcome 'W' (seats, io threads, ack flag),
 * ack 'A' (40), results 'R' (750), view 'V' (2,950).
 */
public final class WireFloor {
  private static final int ORDER_BYTES = 60;
  private static final int ACK_BYTES = 40;
  private static final int RESULTS_BYTES = 750;
  private static final int VIEW_BYTES = 2_950;
  private static final ProtobufVarint32LengthFieldPrepender PREPENDER =
      new ProtobufVarint32LengthFieldPrepender();

  private WireFloor() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    if (args.length > 0 && args[0].equals("server")) {
      server(opts);
    } else if (args.length > 0 && args[0].equals("client")) {
      client(opts);
    } else {
      System.err.println("usage: WireFloor server --port P | client --server H:P --server-pid PID");
      System.exit(2);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String key = args[i].replaceFirst("^--", "");
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      opts.put(key, flag ? "true" : args[++i]);
    }
    return opts;
  }

  private static int intOpt(Map<String, String> opts, String key, int fallback) {
    return Integer.parseInt(opts.getOrDefault(key, Integer.toString(fallback)));
  }

  /** A shared, never-freed frame body: {@code size} bytes starting with {@code tag}. */
  private static ByteBuf frame(char tag, int size) {
    ByteBuf buf = Unpooled.directBuffer(size);
    buf.writeByte(tag);
    while (buf.writerIndex() < size) {
      buf.writeByte(buf.writerIndex() & 0x7f);
    }
    return buf;
  }

  private static MultiThreadIoEventLoopGroup nio(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(name), NioIoHandler.newFactory());
  }

  // ---------------------------------------------------------------- server

  private static final class Game {
    final AtomicReferenceArray<Channel> seats;
    final AtomicInteger ordered = new AtomicInteger();

    Game(int seatCount) {
      seats = new AtomicReferenceArray<>(seatCount);
    }
  }

  private static void server(Map<String, String> opts) throws InterruptedException {
    int port = intOpt(opts, "port", 7490);
    int seatCount = intOpt(opts, "seats", 8);
    boolean ack = !opts.containsKey("no-ack");
    EventLoopGroup boss = nio(1, "floor-accept");
    MultiThreadIoEventLoopGroup workers = nio(intOpt(opts, "io-threads", 0), "floor-net");
    int ioThreads = workers.executorCount();
    ByteBuf welcome = Unpooled.directBuffer(9).writeByte('W').writeInt(seatCount);
    welcome.writeInt(ioThreads).writeByte(ack ? 1 : 0);
    ByteBuf ackFrame = frame('A', ACK_BYTES);
    ByteBuf results = frame('R', RESULTS_BYTES);
    ByteBuf view = frame('V', VIEW_BYTES);
    Map<Integer, Game> games = new ConcurrentHashMap<>();

    class ServerSeat extends SimpleChannelInboundHandler<ByteBuf> {
      Game game;

      @Override
      protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
        if (game == null) { // hello: game number, seat number
          int gameNo = msg.readInt();
          int seat = msg.readInt();
          if (seat < 0 || seat >= seatCount) {
            ctx.close();
            return;
          }
          game = games.computeIfAbsent(gameNo, k -> new Game(seatCount));
          game.seats.set(seat, ctx.channel());
          ctx.channel()
              .closeFuture()
              .addListener(f -> games.remove(gameNo, game)); // keep the map small across runs
          ctx.writeAndFlush(welcome.retainedDuplicate());
          return;
        }
        if (ack) {
          ctx.writeAndFlush(ackFrame.retainedDuplicate());
        }
        if (game.ordered.incrementAndGet() == seatCount) {
          game.ordered.set(0); // before the views go out: no next order can come earlier
          for (int s = 0; s < seatCount; s++) {
            Channel ch = game.seats.get(s);
            if (ch == null) {
              continue; // a seat that never said hello
            }
            if (ch.eventLoop().inEventLoop()) {
              sendTurnEnd(ch, results, view);
            } else {
              ch.eventLoop().execute(() -> sendTurnEnd(ch, results, view));
            }
          }
        }
      }
    }

    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(new ProtobufVarint32FrameDecoder(), PREPENDER, new ServerSeat());
                  }
                });
    Channel listener = bootstrap.bind(port).sync().channel();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  listener.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
                  boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2_000);
                  workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2_000);
                }));
    System.out.printf(
        "WireFloor server pid=%d port=%d ioThreads=%d seats=%d ack=%s%n",
        ProcessHandle.current().pid(), port, ioThreads, seatCount, ack);
    listener.closeFuture().sync(); // until SIGTERM
  }

  // On ch's event loop: two frames, one flush.
  private static void sendTurnEnd(Channel ch, ByteBuf results, ByteBuf view) {
    ch.write(results.retainedDuplicate(), ch.voidPromise());
    ch.writeAndFlush(view.retainedDuplicate(), ch.voidPromise());
  }

  // ---------------------------------------------------------------- client

  /** One seat; its counters are touched only on its event loop, and read after the round latch. */
  private static final class ClientSeat extends SimpleChannelInboundHandler<ByteBuf> {
    final ByteBuf order;
    final int turns;
    final CountDownLatch welcomed;
    volatile CountDownLatch roundDone;
    int[] welcome; // seats, io threads, ack flag
    long sent;
    long acks;
    long results;
    long views;
    int turnsThisRound;

    ClientSeat(ByteBuf order, int turns, CountDownLatch welcomed) {
      this.order = order;
      this.turns = turns;
      this.welcomed = welcomed;
    }

    void sendOrder(Channel ch) {
      sent++;
      turnsThisRound++;
      ch.writeAndFlush(order.retainedDuplicate(), ch.voidPromise());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      switch (msg.readByte()) {
        case 'A' -> acks++;
        case 'R' -> results++;
        case 'V' -> {
          views++;
          if (turnsThisRound < turns) {
            sendOrder(ctx.channel());
          } else {
            roundDone.countDown();
          }
        }
        case 'W' -> {
          welcome = new int[] {msg.readInt(), msg.readInt(), msg.readByte()};
          welcomed.countDown();
        }
        default -> throw new IllegalStateException("unknown frame tag");
      }
    }
  }

  private static void client(Map<String, String> opts) throws Exception {
    String[] hostPort = opts.getOrDefault("server", "127.0.0.1:7490").split(":");
    long serverPid = Long.parseLong(opts.get("server-pid"));
    int games = intOpt(opts, "games", 100);
    int seats = intOpt(opts, "seats", 8);
    int turns = intOpt(opts, "turns", 24);
    int rounds = intOpt(opts, "rounds", 3);
    int warmup = intOpt(opts, "warmup", 5);
    MultiThreadIoEventLoopGroup group = nio(intOpt(opts, "threads", 0), "floor-client");
    ByteBuf order = frame('O', ORDER_BYTES);
    int n = games * seats;
    CountDownLatch welcomed = new CountDownLatch(n);
    List<ClientSeat> seatList = new ArrayList<>(n);
    List<ChannelFuture> connects = new ArrayList<>(n);
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true);
    int gameBase = ThreadLocalRandom.current().nextInt(1 << 30); // fresh games on every run
    for (int g = 0; g < games; g++) {
      for (int s = 0; s < seats; s++) {
        ClientSeat seat = new ClientSeat(order, turns, welcomed);
        seatList.add(seat);
        ChannelFuture f =
            bootstrap
                .clone()
                .handler(
                    new ChannelInitializer<Channel>() {
                      @Override
                      protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new ProtobufVarint32FrameDecoder(), PREPENDER, seat);
                      }
                    })
                .connect(hostPort[0], Integer.parseInt(hostPort[1]));
        ByteBuf hello = Unpooled.buffer(8).writeInt(gameBase + g).writeInt(s);
        f.addListener(done -> f.channel().writeAndFlush(hello));
        connects.add(f);
      }
    }
    for (ChannelFuture f : connects) {
      f.sync();
    }
    if (!welcomed.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not all hellos answered: " + welcomed.getCount() + " left");
    }
    int[] w = seatList.get(0).welcome;
    if (w[0] != seats) {
      throw new IllegalStateException("server plays " + w[0] + " seats per game, not " + seats);
    }
    boolean ack = w[2] == 1;
    long clkTck = clockTicksPerSecond();
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    long[] cpu0 = null;
    long clientCpu0 = 0;
    long wall0 = 0;
    for (int r = 0; r < warmup + rounds; r++) {
      if (r == warmup) {
        cpu0 = serverTicks(serverPid);
        clientCpu0 = os.getProcessCpuTime();
        wall0 = System.nanoTime();
      }
      CountDownLatch done = new CountDownLatch(n);
      for (int i = 0; i < n; i++) {
        ClientSeat seat = seatList.get(i);
        Channel ch = connects.get(i).channel();
        seat.roundDone = done;
        ch.eventLoop()
            .execute(
                () -> {
                  seat.turnsThisRound = 0;
                  seat.sendOrder(ch);
                });
      }
      if (!done.await(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("round " + r + " stuck: " + done.getCount() + " seats");
      }
    }
    long wall = System.nanoTime() - wall0;
    long clientCpu = os.getProcessCpuTime() - clientCpu0;
    long[] cpu1 = serverTicks(serverPid);

    long sent = 0;
    long acks = 0;
    long results = 0;
    long views = 0;
    for (ClientSeat s : seatList) {
      sent += s.sent;
      acks += s.acks;
      results += s.results;
      views += s.views;
    }
    long all = (long) n * turns * (warmup + rounds);
    boolean countsOk = sent == all && views == all && results == all && acks == (ack ? all : 0);
    long orders = (long) n * turns * rounds;
    double seconds = wall / 1e9;
    double userMs = (cpu1[0] - cpu0[0]) * 1000.0 / clkTck;
    double sysMs = (cpu1[1] - cpu0[1]) * 1000.0 / clkTck;
    double per1k = 1000.0 / orders;
    double clientMs = clientCpu / 1e6;

    System.out.printf(
        "WireFloor: %d games x %d seats x %d turns x %d rounds (+%d warm-up), server ioThreads=%d"
            + " ack=%s, client threads=%d, CLK_TCK=%d%n",
        games, seats, turns, rounds, warmup, w[1], ack, group.executorCount(), clkTck);
    System.out.printf(
        "  counts (all rounds): sent=%d acks=%d results=%d views=%d expected=%d -> %s%n",
        sent, acks, results, views, all, countsOk ? "OK" : "MISMATCH");
    System.out.printf("  %-34s %12d%n", "orders measured", orders);
    System.out.printf("  %-34s %12.3f%n", "wall seconds", seconds);
    System.out.printf("  %-34s %12.0f%n", "orders/s", orders / seconds);
    System.out.printf("  %-34s %12.2f%n", "server CPU ms / 1k orders", (userMs + sysMs) * per1k);
    System.out.printf("  %-34s %12.2f%n", "  user ms / 1k orders", userMs * per1k);
    System.out.printf("  %-34s %12.2f%n", "  kernel ms / 1k orders", sysMs * per1k);
    System.out.printf("  %-34s %12.2f%n", "server cores busy", (userMs + sysMs) / 1e3 / seconds);
    System.out.printf("  %-34s %12.2f%n", "client CPU ms / 1k orders", clientMs * per1k);
    System.out.printf("  %-34s %12.2f%n", "client cores busy", clientMs / 1e3 / seconds);
    System.out.printf(
        "JSON {\"games\":%d,\"seats\":%d,\"turns\":%d,\"rounds\":%d,\"warmup\":%d,"
            + "\"serverIoThreads\":%d,\"ack\":%s,\"clientThreads\":%d,\"clkTck\":%d,"
            + "\"orders\":%d,\"seconds\":%.4f,\"ordersPerSec\":%.1f,"
            + "\"serverCpuMsPer1k\":%.3f,\"serverUserMsPer1k\":%.3f,\"serverSysMsPer1k\":%.3f,"
            + "\"clientCpuMsPer1k\":%.3f,\"countsOk\":%s}%n",
        games,
        seats,
        turns,
        rounds,
        warmup,
        w[1],
        ack,
        group.executorCount(),
        clkTck,
        orders,
        seconds,
        orders / seconds,
        (userMs + sysMs) * per1k,
        userMs * per1k,
        sysMs * per1k,
        clientMs * per1k,
        countsOk);

    for (ChannelFuture f : connects) {
      f.channel().close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3_000);
    if (!countsOk) {
      System.exit(1);
    }
  }

  /** utime and stime (fields 14 and 15 of /proc/PID/stat), in clock ticks. */
  private static long[] serverTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // field 2 (comm) may hold spaces; after its ')' the fields start at 3 (state)
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return new long[] {Long.parseLong(f[14 - 3]), Long.parseLong(f[15 - 3])};
  }

  /** {@code getconf CLK_TCK}, or 100 (the Linux USER_HZ nearly everywhere) if that fails. */
  private static long clockTicksPerSecond() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (p.waitFor() == 0) {
        return Long.parseLong(out);
      }
    } catch (IOException | NumberFormatException e) {
      // fall through
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.println("WireFloor: getconf CLK_TCK failed; assuming 100 ticks/s");
    return 100;
  }
}
