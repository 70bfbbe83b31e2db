package org.entente.server.debrief;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The debrief's headings and fixed texts in English and Korean, in the language asked for ({@code
 * --lang ko}, {@code ?lang=ko}). The sentences drawn from the game are written in the same language
 * when the debrief is built ({@link Debrief#of(org.entente.server.history.GameHistory,
 * org.entente.server.replay.Room, Debrief.Options, Words)}; the Korean ones in {@link Korean}).
 */
public enum Words {
  EN("en"),
  KO("ko");

  /** The keys of the scores table's columns, in order (the HTML and Markdown tables alike). */
  static final List<String> SCORE_COLUMNS =
      List.of(
          "state",
          "name",
          "strategy",
          "status",
          "survival",
          "security",
          "autonomy",
          "power",
          "objectives",
          "total",
          "pStart",
          "pEnd");

  private final String tag;

  Words(String tag) {
    this.tag = tag;
  }

  /** The language's tag for {@code <html lang>}. */
  public String tag() {
    return tag;
  }

  /** The language named {@code s} ("en", "ko", null or empty: English); throws if unknown. */
  public static Words parse(String s) {
    String k = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    return switch (k) {
      case "", "en", "english" -> EN;
      case "ko", "kr", "korean" -> KO;
      default ->
          throw new IllegalArgumentException("unknown language '" + s + "'; choose en or ko");
    };
  }

  /** "turn 3" (as in a sentence) or "3턴". */
  public String turn(int n) {
    return this == KO ? n + "턴" : "turn " + n;
  }

  /** "Turn 3" (as a heading or at the start of a sentence) or "3턴". */
  public String turnHeading(int n) {
    return this == KO ? n + "턴" : "Turn " + n;
  }

  /** "turn 3" or "turns 3-7", in this language. */
  public String turns(int from, int to) {
    return this == KO
        ? Korean.turns(from, to)
        : from == to ? "turn " + from : "turns " + from + "-" + to;
  }

  /** The text of {@code key} in this language; throws for a key neither table has. */
  public String t(String key) {
    String[] v = TABLE.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no debrief text '" + key + "'");
    }
    return v[ordinal()];
  }

  private static final Map<String, String[]> TABLE =
      Map.ofEntries(
          e("debrief", "Debrief", "디브리핑"),
          e("studentDebrief", "Debrief for", "학생용 디브리핑:"),
          e("scenario", "Scenario", "시나리오"),
          e("seed", "seed", "시드"),
          e("turnsPlayed", "turns played", "턴 진행"),
          e("game", "game", "게임"),
          e("summary", "Summary", "요약"),
          e("room", "Who played", "누가 플레이했나"),
          e(
              "roomIntro",
              "Each seat, the students who joined it and who played it turn by turn:"
                  + " a student, the seat's bot, the instructor's autopilot, or no one (the defaults"
                  + " stood).",
              "각 국가의 좌석에 참여한 학생과 턴별로 누가 플레이했는지 보여 줍니다: 학생, 좌석의 봇,"
                  + " 교수자의 자동 조종, 또는 아무도 없음(기본 명령 적용)."),
          e("state", "State", "국가"),
          e("students", "Students", "학생"),
          e("playedBy", "Played by", "플레이한 주체"),
          e("noStudent", "no student joined", "참여한 학생 없음"),
          e("injects", "Injected events", "주입된 사건"),
          e("noInjects", "The instructor injected no events.", "교수자가 주입한 사건이 없습니다."),
          e("turn", "Turn", "턴"),
          e("event", "Event", "사건"),
          e("scores", "Scores", "점수"),
          e("name", "Name", "이름"),
          e("strategy", "Strategy", "전략"),
          e("status", "Status", "상태"),
          e("survival", "Survival", "생존"),
          e("security", "Security", "안보"),
          e("autonomy", "Autonomy", "자율성"),
          e("power", "Power", "국력"),
          e("objectives", "Objectives", "목표"),
          e("total", "Total", "합계"),
          e("pStart", "P start", "시작 P"),
          e("pEnd", "P end", "종료 P"),
          e(
              "scoresNote",
              "Components are in [0,1]; the total weights them (by default survival 40,"
                  + " security 25, autonomy 15, power 10, objectives 10).",
              "각 항목은 0에서 1 사이이며, 합계는" + " 가중 합입니다(기본값: 생존 40, 안보 25, 자율성 15, 국력 10, 목표 10)."),
          e("system", "System view", "체제 전체"),
          e("crises", "Crises", "위기"),
          e("wars", "Wars", "전쟁"),
          e("conquered", "States conquered", "정복된 국가"),
          e("hegemon", "Hegemon", "패권국"),
          e("none", "none", "없음"),
          e("formed", "Alliances formed (joins included)", "결성된 동맹(가입 포함)"),
          e("ended", "Alliances ended (dissolutions and departures)", "끝난 동맹(해체와 탈퇴)"),
          e("balShare", "Balancing share of alignment decisions", "동맹 결정 중 균형 비율"),
          e("turningPoints", "Turning points", "전환점"),
          e(
              "noTurningPoints",
              "No alliance formed or broke, no war was fought and no principal" + " threat moved.",
              "동맹이 결성되거나 깨지지 않았고, 전쟁도 없었으며, 주된 위협도 바뀌지 않았습니다."),
          e("why", "Why", "이유"),
          e("discussion", "Discussion guide", "토론 안내"),
          e(
              "discussionIntro",
              "Questions for the class, each drawn from one of this game's turning" + " points.",
              "이 게임의 전환점에서 뽑은 수업용 질문입니다."),
          e("lens", "The theory lens", "이론의 렌즈"),
          e(
              "lensIntro",
              "How often the stances actually taken agreed with each theory's"
                  + " prediction, over the whole game:",
              "실제로 취한 입장이 각 이론의 예측과 일치한 비율(게임 전체):"),
          e("balanceOfThreat", "Balance of threat", "위협 균형"),
          e("balanceOfPower", "Balance of power", "세력 균형"),
          e("balanceOfInterests", "Balance of interests", "이익 균형"),
          e("lensSpans", "Agreement by turn span", "턴 구간별 일치율"),
          e("turns", "Turns", "턴"),
          e("judged", "Stances judged", "판단된 입장"),
          e("lensStates", "Agreement by state", "국가별 일치율"),
          e("turnsJudged", "Turns judged", "판단된 턴"),
          e("balanced", "Balanced", "균형"),
          e("bandwagoned", "Bandwagoned", "편승"),
          e("misses", "Decisions no theory predicted", "어느 이론도 예측하지 못한 결정"),
          e(
              "noMisses",
              "Every stance agreed with at least one theory.",
              "모든 입장이 적어도 하나의 이론과 일치했습니다."),
          e("moreMisses", "more not listed", "건은 생략"),
          e("actual", "Actual", "실제"),
          e("decisions", "Decisions beside the theories", "결정과 이론의 예측"),
          e(
              "decisionsIntro",
              "Per state, what it did beside what each theory predicted; turns with"
                  + " the same decision and predictions are one row.",
              "국가별로 실제 결정과 각 이론의 예측을" + " 나란히 보여 줍니다. 결정과 예측이 같은 연속된 턴은 한 줄로 묶었습니다."),
          e("moreRows", "more rows not shown", "줄은 생략"),
          e("charts", "Over time", "시간에 따른 변화"),
          e("powerChart", "Power over time", "시간에 따른 국력"),
          e(
              "powerCaption",
              "Aggregate power P of each state (its weighted share of the system's"
                  + " population, economy, military and technology) after each turn.",
              "각 턴 뒤 국가별" + " 종합 국력 P(체제 전체의 인구, 경제, 군사, 기술에서 차지하는 가중 비율)."),
          e("powerAxis", "power P (share of the system)", "국력 P(체제 내 비율)"),
          e("threatAxis", "threat from the principal threat", "주된 위협의 위협"),
          e("coverageAxis", "coverage", "안보 보장"),
          e("threatChart", "Threat over time", "시간에 따른 위협"),
          e(
              "threatCaption",
              "The threat each state felt from its principal threat (power ×"
                  + " proximity × offensive capability × perceived intent) at the start of each turn.",
              "각 턴 시작 때 국가가 주된 위협에게서 느낀 위협(국력 × 근접성 × 공격 능력 × 인지된 의도)."),
          e("coverageChart", "Coverage over time", "시간에 따른 안보 보장"),
          e(
              "coverageCaption",
              "The share of each state's threat covered by its alliances and"
                  + " patron after each turn.",
              "각 턴 뒤 동맹과 후원국이 막아 주는 위협의 비율."),
          e("threatMatrix", "Threat matrix", "위협 행렬"),
          e("network", "Alliance network", "동맹 네트워크"),
          e(
              "networkIntro",
              "States on a circle at the start, after the turning points and at the"
                  + " end; a coloured line joins two members of the same alliance (solid for a"
                  + " defensive alliance, dotted for an offensive one), a dashed arrow runs from patron"
                  + " to client, and conquered states are grey.",
              "시작, 전환점 이후, 끝의 동맹 관계를 원 위에"
                  + " 그렸습니다. 같은 동맹의 구성국은 색 선으로(방어 동맹은 실선, 공세 동맹은 점선) 잇고,"
                  + " 점선 화살표는 후원국에서 종속국으로 향하며, 정복된 국가는 회색입니다."),
          e("noAlliances", "No alliances.", "동맹 없음."),
          e("turnByTurn", "Turn by turn", "턴별 경과"),
          e(
              "folded",
              "quiet turns of this long game are folded into one line each run.",
              "개의 조용한 턴은 구간마다 한 줄로 요약했습니다."),
          e("messages", "Messages", "메시지"),
          e("note", "Note", "메모"),
          e("by", "by", "작성:"),
          e("otherNotes", "Other notes", "기타 메모"),
          e("beforeGame", "before the game", "게임 전"),
          e(
              "chartsInHtml",
              "Charts (power, threat and coverage over time, threat heat maps, the"
                  + " alliance network) are in the HTML form of this debrief (`--format html`).",
              "차트(국력, 위협, 안보 보장의 변화, 위협 히트맵, 동맹 네트워크)는 HTML 형식" + "(`--format html`)에 있습니다."),
          e("k.news", "News.", "소식."),
          e("k.stances", "Stances.", "입장."),
          e("k.alliance", "Alliance.", "동맹."),
          e("k.client", "Client.", "종속 관계."),
          e("k.crisis", "Crisis.", "위기."),
          e("k.war", "War.", "전쟁."),
          e("k.conquest", "Conquest.", "정복."),
          e("k.conduct", "Conduct.", "행동."),
          e("k.inject", "Injected by the instructor.", "교수자 주입."),
          e("k.quiet", "Quiet.", "조용함."),
          e("k.message", "Message.", "메시지."));

  private static Map.Entry<String, String[]> e(String key, String en, String ko) {
    return Map.entry(key, new String[] {en, ko});
  }
}
