package org.entente.server.debrief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.api.AllianceKind;
import org.entente.api.OrderOutcome;
import org.entente.api.OutcomeCode;
import org.entente.api.PlayerView;
import org.entente.api.PlayerView.PublicStance;
import org.entente.api.Stance;
import org.entente.server.debrief.Debrief.Line;
import org.entente.server.debrief.Debrief.LineKind;
import org.entente.server.engine.Scoring;
import org.entente.server.engine.TurnReport;
import org.entente.server.engine.TurnReport.Event;
import org.entente.server.engine.TurnReport.War;
import org.entente.server.history.GameHistory;
import org.entente.server.replay.Numbers;
import org.entente.server.replay.Room;
import org.entente.server.scenario.KoreanTexts;

/**
 * The debrief's sentences in Korean: the same facts and numbers as the English ones (formatted the
 * same way), worded for a Korean classroom. The engine's reasons are told from their outcome codes,
 * with the web client's wording ({@link WebKorean}); the English reasons stay in the English
 * debrief. State ids, alliance ids and crisis ids are kept, as the English debrief keeps them.
 */
final class Korean {
  private Korean() {}

  // ---- words ----

  /** "3턴" or "3-7턴". */
  static String turns(int from, int to) {
    return from == to ? from + "턴" : from + "-" + to + "턴";
  }

  /** A state's standing at the end: independent, conquered, or a client of its patron. */
  static String status(boolean conquered, String patron) {
    return conquered ? "정복됨" : patron != null ? patron + "의 종속국" : "독립국";
  }

  /** A stance or prediction: "GMY에 맞서 균형", "GMY에 편승", "중립". */
  static String stance(Stance.StanceKind kind, String target) {
    if (kind == null) {
      return "-";
    }
    return switch (kind) {
      case BALANCE -> target + "에 맞서 균형";
      case BANDWAGON -> target + "에 편승";
      case BUCK_PASS -> target == null ? "책임 전가" : target + "에 대한 책임 전가";
      case HIDE -> "중립";
    };
  }

  /** An outcome code as the web client names it ("동맹 결성"). */
  static String code(OutcomeCode c) {
    String k = WebKorean.t("code." + c.name());
    return k == null ? c.name() : k;
  }

  /** A bot strategy as the web client names it ("위협 균형형"); an unknown one is kept. */
  static String strategy(String s) {
    if (s == null) {
      return "";
    }
    if (s.equals("default")) {
      return "기본";
    }
    String k = WebKorean.t("strategy." + s);
    return k == null ? s : k;
  }

  /** An alliance id, by the name the client gives a scenario's named alliance. */
  static String alliance(String id) {
    String k = WebKorean.t("allianceId." + id);
    return k == null ? id : k;
  }

  /** An engine sentence in Korean, or {@code fallback} when no pattern knows it. */
  static String engine(String english, String fallback) {
    String k = WebKorean.engine(english);
    return k == null ? fallback : k;
  }

  /** An order's label ("노선", "위기 c1", "공격 GMY"). */
  static String order(String order) {
    return engine(order, order);
  }

  /**
   * One outcome: the state, its order and the outcome code in words, then the reason where the
   * client's patterns word it ("FRN 노선: 동맹 결성 — 동맹 a1 결성 (대상 GMY): FRN, RUS").
   */
  static String outcome(OrderOutcome o) {
    String reason = WebKorean.engine(Numbers.shorten(o.reason()));
    return o.state()
        + " "
        + order(o.order())
        + ": "
        + code(o.code())
        + (reason == null || reason.isEmpty() ? "" : " — " + reason);
  }

  /** How the engine ends the text of a scheduled crisis that is void. */
  private static final String VOID_FORCED = " (void: a party is conquered, or they are allied)";

  /** A game event in Korean: the client's wording, or one built from its kind and states. */
  static String event(Event e) {
    String k = WebKorean.engine(e.text());
    if (k != null) {
      return k;
    }
    // a scheduled crisis that could not start (its news text, then why)
    if (e.kind() == TurnReport.EventKind.CRISIS_VOID
        && e.text().endsWith(VOID_FORCED)
        && e.states().size() == 2) {
      return e.states().get(0)
          + "의 "
          + e.states().get(1)
          + " 공격 위기는 무효: 당사국 하나가 정복되었거나 두 국가가 이미 동맹임";
    }
    String who = String.join(", ", e.states());
    String what =
        switch (e.kind()) {
          case ALLIANCE_FORMED -> "동맹 결성";
          case ALLIANCE_JOINED -> "동맹 가입";
          case ALLIANCE_LEFT -> "동맹 탈퇴";
          case ALLIANCE_DISSOLVED -> "동맹 해체";
          case CLIENT_LINK_FORMED -> "종속 관계 성립";
          case CLIENT_LINK_ENDED -> "종속 관계 종료";
          case CRISIS_DECLARED -> "위기 선언";
          case CRISIS_DEFUSED -> "위기 해소";
          case CRISIS_VOID -> "위기 무효";
          case CONQUEST -> "정복";
          case WAR -> "전쟁";
          case INJECT -> "사건";
        };
    return who.isEmpty() ? what : what + ": " + who;
  }

  // ---- the summary ----

  static List<String> summary(
      GameHistory h,
      String scenarioName,
      List<Debrief.StateResult> states,
      Scoring.SystemView system,
      List<Debrief.TurningPoint> points,
      Room room,
      int played,
      String focus,
      int balanced,
      int bandwagoned) {
    List<String> out = new ArrayList<>();
    Summary.Seats seats = Summary.Seats.of(room);
    int students = seats.students();
    int bots = seats.bots();
    int autopilot = seats.autopilot();
    int nobody = seats.nobody();
    int names = seats.joined();
    StringBuilder first = new StringBuilder();
    first
        .append(scenarioName)
        .append(" 게임을 ")
        .append(played)
        .append("턴 진행했습니다(시드 ")
        .append(h.seed())
        .append("). 좌석별로는 학생이 맡은 좌석 ")
        .append(students)
        .append("개")
        .append(names == 0 ? "" : "(참여 학생 " + names + "명)")
        .append(", 봇이 맡은 좌석 ")
        .append(bots)
        .append("개");
    if (autopilot > 0) {
      first.append(", 한동안 자동 조종으로 진행된 좌석 ").append(autopilot).append("개");
    }
    if (nobody > 0) {
      first.append(", 학생이 끝내 참여하지 않은 좌석 ").append(nobody).append("개");
    }
    out.add(first.append("입니다.").toString());

    List<Debrief.StateResult> ranked = Summary.ranked(states);
    if (focus != null) {
      Debrief.StateResult me = Summary.state(states, focus);
      int rank = ranked.indexOf(me) + 1;
      out.add(
          me.name()
              + "("
              + me.id()
              + ")의 최종 지위: "
              + me.status()
              + ". 점수는 "
              + Numbers.num(me.score().total(), 1)
              + "점으로 "
              + states.size()
              + "개국 중 "
              + rank
              + "위이고, 국력은 "
              + Numbers.num(me.initialPower(), 3)
              + "에서 "
              + Josa.euro(Numbers.num(me.finalPower(), 3))
              + " 바뀌었습니다.");
    } else if (!ranked.isEmpty()) {
      Debrief.StateResult top = ranked.get(0);
      Debrief.StateResult low = ranked.get(ranked.size() - 1);
      out.add(
          "가장 높은 점수는 "
              + top.name()
              + "("
              + top.id()
              + ")의 "
              + Numbers.num(top.score().total(), 1)
              + "점, 가장 낮은 점수는 "
              + low.name()
              + "("
              + low.id()
              + ")의 "
              + Numbers.num(low.score().total(), 1)
              + "점입니다.");
    }
    out.add(
        "동맹은 "
            + system.alliancesFormed()
            + "개가 결성되거나 확대되었고 "
            + system.alliancesEnded()
            + "개가 끝났습니다. 위기 "
            + system.crises()
            + "건은 전쟁 "
            + system.wars()
            + "건과 정복 "
            + system.conquests()
            + "건으로 이어졌고, "
            + (system.hegemon() == null
                ? "패권국이 된 국가는 없습니다."
                : Josa.iGa(system.hegemon()) + " 패권국이 되었습니다."));
    if (balanced + bandwagoned > 0) {
      out.add(
          "국가들은 "
              + balanced
              + "번 균형을 잡고 "
              + bandwagoned
              + "번 편승했습니다. 위협 균형 이론은 입장의 "
              + Numbers.pct(system.agreeThreat())
              + "를, 세력 균형 이론은 "
              + Numbers.pct(system.agreePower())
              + "를, 이익 균형 이론은 "
              + Numbers.pct(system.agreeInterests())
              + "를 맞혔습니다.");
    }
    Debrief.TurningPoint decisive =
        points.stream().filter(p -> !TurningPoints.isThreatShift(p)).findFirst().orElse(null);
    if (decisive != null) {
      out.add("첫 전환점은 " + decisive.turn() + "턴에 왔습니다: " + decisive.headline() + ".");
    }
    int injected = room.injects().stream().mapToInt(x -> x.texts().size()).sum();
    if (focus == null && injected + h.annotations().size() + room.messages().size() > 0) {
      out.add(
          "교수자는 사건 "
              + injected
              + "건을 주입하고 메모 "
              + h.annotations().size()
              + "개를 남겼으며, 참가자들은 메시지 "
              + room.messages().size()
              + "개를 보냈습니다.");
    }
    return out;
  }

  /** The balancing share beside Walt's Middle East finding. */
  static String comparison(double share, int bal, int band) {
    if (bal + band == 0) {
      return "이 게임에서는 어느 국가도 균형을 잡거나 편승하지 않았으므로, 1955년부터 1979년까지 중동의"
          + " 동맹에서 균형이 지배적이었다는 월트의 발견과 견주어 볼 수 없습니다.";
    }
    String pct = String.format(Locale.ROOT, "%.0f%%", 100 * share);
    String verdict =
        share > 0.5
            ? "월트가 연구한 1955-1979년 중동의 동맹처럼 이 게임에서도 균형이 주를 이루었고 편승은" + " 예외였습니다"
            : "이 게임은 균형이 원칙이고 편승은 약하고 고립된 국가의 예외였던 월트의 1955-79년 중동과" + " 다릅니다";
    return "동맹 결정 "
        + (bal + band)
        + "건 가운데 균형이 "
        + bal
        + "건, 편승이 "
        + band
        + "건(균형 "
        + pct
        + ")이었습니다. 즉 "
        + verdict
        + ".";
  }

  // ---- turning points ----

  static List<String> warWhy(War w) {
    List<String> why = new ArrayList<>();
    why.add(
        "양측: "
            + String.join(", ", w.attackers())
            + " 대 "
            + String.join(", ", w.defenders())
            + "; 전선의 전력 "
            + Numbers.num(w.attackStrength(), 1)
            + " 대 "
            + Numbers.num(w.defenceStrength(), 1)
            + "; 공격 측 승산 "
            + Numbers.pct(w.attackersWinChance()));
    why.add("판정 결과: " + engine(Numbers.shorten(w.reason()), result(w)));
    return why;
  }

  private static String result(War w) {
    return (w.attackersWon() ? "공격 측 승리" : "방어 측이 버팀")
        + (w.conquered() ? ", " + w.target() + " 정복" : "");
  }

  static String warHead(War w) {
    return Josa.iGa(w.aggressor())
        + " "
        + Josa.eulReul(w.target())
        + " 공격: "
        + (w.attackersWon() ? "공격 측 승리" : "방어 측이 버팀")
        + (w.conquered() ? ", " + Josa.eunNeun(w.target()) + " 정복됨" : "");
  }

  static String abandoned(String state) {
    return Josa.iGa(state) + " 동맹국을 저버림";
  }

  /** The four threat terms of a new principal threat, before → after. */
  static String threatTerms(String now, PlayerView.ThreatEntry b, PlayerView.ThreatEntry a) {
    return now
        + "에게서 느끼는 위협 "
        + Numbers.num(b.threat(), 3)
        + " → "
        + Numbers.num(a.threat(), 3)
        + " = 국력 "
        + Numbers.num(b.power(), 3)
        + " → "
        + Numbers.num(a.power(), 3)
        + " × 근접성 "
        + Numbers.num(b.proximity(), 3)
        + " → "
        + Numbers.num(a.proximity(), 3)
        + " × 공격 능력 "
        + Numbers.num(b.offense(), 3)
        + " → "
        + Numbers.num(a.offense(), 3)
        + " × 인지된 의도 "
        + Numbers.num(b.intent(), 3)
        + " → "
        + Numbers.num(a.intent(), 3);
  }

  static String whatDid(String now, OrderOutcome o) {
    return now + "의 행동: " + outcome(o);
  }

  static String threatShift(String state, String now, List<String> was) {
    return state
        + "의 주된 위협이 "
        + Josa.euro(now)
        + " 바뀜 ("
        + (was.isEmpty() ? "이전에는 없었음" : "이전: " + String.join(", ", was))
        + ")";
  }

  static String question(int turn, String headline, TurningPoints.Kind kind) {
    String q =
        kind == null
            ? "네 요인(국력, 근접성, 공격 능력, 인지된 의도) 가운데 무엇이 가장 크게 움직였고, 그 국가는 다음 턴에" + " 어떻게 대응했나요?"
            : switch (kind) {
              case ALLIANCE_FORMED ->
                  "누구의 위협이 이 국가들을 한데 묶었나요? 위협 균형과 세력 균형 가운데 어느 이론이 이를" + " 예측했나요?";
              case ALLIANCE_BROKEN ->
                  "이 국가에게 동맹이 더는 쓸모없어진 까닭은 무엇인가요? 이 국가가 느낀 위협에서 무엇이" + " 달라졌나요?";
              case WAR, CONQUEST -> "방어 측은 이 공격을 억지할 수 있었을까요? 누가 빠졌고, 왜 그랬나요?";
              case ABANDONMENT -> "동맹국을 저버려 얻은 것은 무엇이고, 치른 대가는 무엇인가요?";
              case THREAT_SHIFT ->
                  "네 요인(국력, 근접성, 공격 능력, 인지된 의도) 가운데 무엇이 가장 크게 움직였고, 그 국가는" + " 다음 턴에 어떻게 대응했나요?";
            };
    return turn + "턴: " + headline + ". " + q;
  }

  // ---- the narrative ----

  static String quiet(int from, int to, int crises) {
    return turns(from, to)
        + ": 동맹의 결성이나 붕괴, 전쟁, 메모, 주입 사건, 메시지가 없었습니다"
        + (crises == 0 ? "." : "(위기 " + crises + "건).");
  }

  /** A turn's story in Korean: the news, the stances, the events, the wars and the conduct. */
  static List<Line> story(TurnReport r, List<Event> news, KoreanTexts ko) {
    List<Line> out = new ArrayList<>();
    for (Event e : news) {
      event(out, r, e, ko);
    }
    out.addAll(stanceLines(r.stances()));
    for (Event e : r.events()) {
      event(out, r, e, ko);
    }
    for (War w : r.wars()) {
      out.add(new Line(LineKind.WAR, warLine(w)));
    }
    for (OrderOutcome o : r.outcomes()) {
      if (o.code() == OutcomeCode.ABANDONED_ALLY || o.code() == OutcomeCode.CHAIN_GANGED) {
        String reason = WebKorean.engine(Numbers.shorten(o.reason()));
        out.add(
            new Line(
                LineKind.CONDUCT,
                o.state()
                    + ": "
                    + code(o.code())
                    + (reason == null || reason.isEmpty() ? "" : " — " + reason)));
      }
    }
    return out;
  }

  private static void event(List<Line> out, TurnReport r, Event e, KoreanTexts ko) {
    switch (e.kind()) {
      case INJECT -> {
        // a scheduled event's Korean text; an instructor's inject stays as written
        String k = ko.news(e.text());
        out.add(new Line(LineKind.NEWS, k.isEmpty() ? engine(e.text(), e.text()) : k));
      }
      case ALLIANCE_FORMED, ALLIANCE_JOINED, ALLIANCE_DISSOLVED ->
          out.add(new Line(LineKind.ALLIANCE, event(e)));
      case ALLIANCE_LEFT -> out.add(new Line(LineKind.ALLIANCE, event(e) + leftReason(r, e)));
      case CLIENT_LINK_FORMED ->
          out.add(
              new Line(
                  LineKind.CLIENT,
                  event(e)
                      + (e.states().size() > 1
                          ? " — 종속국이 됨 (후원국 " + e.states().get(1) + ")"
                          : "")));
      case CLIENT_LINK_ENDED -> out.add(new Line(LineKind.CLIENT, event(e)));
      case CRISIS_DECLARED -> out.add(new Line(LineKind.CRISIS, "위기 선언: " + event(e)));
      case CRISIS_DEFUSED, CRISIS_VOID -> out.add(new Line(LineKind.CRISIS, event(e)));
      case CONQUEST -> out.add(new Line(LineKind.CONQUEST, event(e)));
      case WAR -> {} // told from the war records
    }
  }

  private static String leftReason(TurnReport r, Event e) {
    OrderOutcome o = Debrief.leftOutcome(r, e);
    return o == null ? "" : " (" + code(o.code()) + ")";
  }

  /** One sentence per war, with the numbers of the English one. */
  static String warLine(War w) {
    String reason = WebKorean.engine(w.reason());
    return String.format(
        Locale.ROOT,
        "위기 %s의 전쟁(%s %s): %s 대 %s; 전선의 전력 %.1f 대 %.1f, 공격 측 승산 %.0f%%. 결과: %s%s",
        w.crisis(),
        Josa.iGa(w.aggressor()),
        Josa.eulReul(w.target()) + " 공격",
        String.join(", ", w.attackers()),
        String.join(", ", w.defenders()),
        w.attackStrength(),
        w.defenceStrength(),
        100 * w.attackersWinChance(),
        result(w),
        reason == null || reason.isEmpty() ? "." : " — " + reason + ".");
  }

  /** The turn's stances grouped, as the English lines group them. */
  static List<Line> stanceLines(List<PublicStance> stances) {
    Debrief.StanceGroups groups = Debrief.StanceGroups.of(stances);
    List<String> passes = new ArrayList<>();
    for (PublicStance p : groups.passes()) {
      Stance.BuckPass b = (Stance.BuckPass) p.stance();
      passes.add(Josa.iGa(p.state()) + " " + b.threat() + "에 대한 책임을 " + b.catcher() + "에게 넘김");
    }
    List<String> hide = groups.hide();
    List<String> parts = new ArrayList<>();
    if (!groups.balance().isEmpty()) {
      List<String> g = new ArrayList<>();
      groups.balance().forEach((t, who) -> g.add(t + "에 맞선 국가 " + String.join(", ", who)));
      parts.add("균형: " + String.join("; ", g));
    }
    if (!groups.bandwagon().isEmpty()) {
      List<String> g = new ArrayList<>();
      groups
          .bandwagon()
          .forEach(
              (t, who) ->
                  g.add(
                      t.with()
                          + "("
                          + (t.kind() == Stance.BandwagonKind.OFFENSIVE ? "공세" : "방어")
                          + ")에 편승한 국가 "
                          + String.join(", ", who)));
      parts.add("편승: " + String.join("; ", g));
    }
    if (!passes.isEmpty()) {
      parts.add("책임 전가: " + String.join("; ", passes));
    }
    if (!hide.isEmpty()) {
      parts.add("중립: " + String.join(", ", hide));
    }
    return parts.isEmpty()
        ? List.of()
        : List.of(new Line(LineKind.STANCES, String.join(". ", parts) + "."));
  }

  // ---- the room, the alliances and the charts ----

  /** Who played a seat on a turn span: "학생 Alice", "봇(위협 균형형)", "참여한 학생 없음". */
  static String player(Room.Player p) {
    return switch (p.kind()) {
      case STUDENT -> "학생 " + p.name() + (p.sent() ? "" : " (명령을 보내지 않음)");
      case BOT -> "봇(" + strategy(p.name()) + ")";
      case AUTOPILOT -> "자동 조종(" + strategy(p.name()) + ")";
      case NOBODY -> "참여한 학생 없음";
    };
  }

  /** A message's sender and addressees: "FRN (Alice) → UKG", "교수자 → 전체". */
  static String header(Room.Message m) {
    String who =
        m.from().isEmpty()
            ? "교수자"
            : m.from()
                + (m.author().isEmpty() || m.author().equals(m.from())
                    ? ""
                    : " (" + m.author() + ")");
    String whom = m.team() ? "자기 팀" : m.to().isEmpty() ? "전체" : String.join(", ", m.to());
    return who + " → " + whom;
  }

  /** An alliance in words: "a1 (방어 동맹, 대상 KAD): LEN, OST". */
  static String group(Debrief.Group g) {
    return alliance(g.id())
        + " ("
        + (g.kind() == AllianceKind.OFFENSIVE ? "공세 동맹" : "방어 동맹")
        + ", "
        + (g.target() == null ? "대상 기록 없음" : "대상 " + g.target())
        + "): "
        + String.join(", ", g.members());
  }
}
