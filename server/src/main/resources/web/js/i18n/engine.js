// The server's own sentences (outcome reasons, order labels, public events, game events, replies
// to the instructor's commands) in Korean. The engine writes them in English, from a fixed set of
// patterns; each pattern below turns one of them into Korean, with its state, alliance and crisis
// ids and its numbers kept. In English mode, and for a sentence no pattern knows, the server's
// text is shown as it came (the Korean browser test fails on any that reaches a page it opens).
import { lang, t, has } from '../i18n.js';

const ID = '([A-Za-z0-9_-]+)';
const NUM = '([0-9][0-9.,]*)';
const AL = '([a-z][a-z0-9]*(?:-[a-z0-9]+)*)';
const LIST = '([A-Za-z0-9_-]+(?:, [A-Za-z0-9_-]+)*)';

// [English pattern with ID/NUM/LIST/{REST} parts, Korean with $1, $2...]; {REST} is a nested
// sentence, translated in turn.
const RULES = [
  // order labels
  ['stance', '노선'],
  [`stance partner ${ID}`, '노선: 파트너 $1'],
  [`crisis (c[0-9]+)`, '위기 $1'],
  [`action\\[([0-9]+)\\]`, '행동[$1]'],
  [`ATTACK ${ID}`, '공격 $1'],
  [`AID ${ID}`, '원조 $1'],
  [`PENETRATE ${ID}`, '정치 침투 $1'],
  [`LEAVE ${AL}`, '동맹 탈퇴 $1'],
  [`${NUM} of ${NUM} members of ${AL} named ${ID}; ${NUM} needed to join`, '$3 구성원 $2개국 중 $1개국이 $4를 지목함. 가입하려면 $5개국이 필요함'],
  [`alliance ${AL}`, '동맹 $1'],
  // stances
  [`balances ${ID}: ${NUM} points of economy armed`, '$1에 맞서 균형: 경제력 $2점을 군비로 전환'],
  [`balances ${ID}`, '$1에 맞서 균형'],
  [`neutral this turn: growth \\+${NUM}`, '이번 턴 중립: 성장률 +$1'],
  [`stays out against ${ID}, hoping ${ID} balances it`, '$1에 직접 맞서지 않고 $2가 맞서 주기를 기대'],
  [`remains a client of ${ID}`, '계속 $1의 종속국'],
  [`became a client of ${ID}`, '$1의 종속국이 됨'],
  [`stopped bandwagoning with ${ID}`, '$1에 대한 편승을 그만둠'],
  [`mutual bandwagoning with ${ID} creates no link`, '$1와 서로 편승해서 종속 관계가 생기지 않음'],
  [`${ID} is no longer a client of ${ID}`, '$1는 더 이상 $2의 종속국이 아님'],
  [`${ID} bandwagons with ${ID}`, '$1가 $2에 편승'],
  [`left ${AL}, which is aimed at its patron ${ID}`, '후원국 $2를 겨냥한 $1에서 탈퇴'],
  [`balances against its ally ${ID}: left ${AL}`, '동맹국 $1에 맞서 균형: $2에서 탈퇴'],
  [`no orders: {REST}`, '명령 없음: $1'],
  ['hides', '중립'],
  ["repeats last turn's BALANCE", '지난 턴처럼 균형'],
  ["repeats last turn's BANDWAGON", '지난 턴처럼 편승'],
  ["repeats last turn's HIDE", '지난 턴처럼 중립'],
  ["repeats last turn's BUCK_PASS", '지난 턴처럼 책임 전가'],
  [`{REST}; {REST} instead`, '$1. 대신 $2'],
  // alliances
  [`formed offensive alliance ${AL} against ${ID}: ${LIST}`, '공세 동맹 $1 결성 (대상 $2): $3'],
  [`formed alliance ${AL} against ${ID}: ${LIST}`, '동맹 $1 결성 (대상 $2): $3'],
  [`offensive alliance ${AL} against ${ID}: ${LIST} formed`, '공세 동맹 $1 결성 (대상 $2): $3'],
  [`alliance ${AL} against ${ID}: ${LIST} formed`, '동맹 $1 결성 (대상 $2): $3'],
  [`already allied with ${ID}`, '이미 $1와 동맹'],
  [`${ID} did not name ${ID}`, '$1가 $2를 지목하지 않음'],
  [`${ID} balances ${ID}, ${ID} balances ${ID}: different threats form no alliance`, '$1는 $2에, $3는 $4에 맞섬: 위협이 달라 동맹이 맺어지지 않음'],
  [`joined ${AL}: {REST}`, '$1에 가입: $2'],
  [`${NUM} of ${NUM} members named it`, '구성원 $2개국 중 $1개국이 지목함'],
  [`${ID} joined ${AL} against ${ID}`, '$1가 $2에 가입 (대상 $3)'],
  [`left ${AL}`, '$1에서 탈퇴'],
  [`${ID} left ${AL}`, '$1가 $2에서 탈퇴'],
  [`${AL} had already dissolved`, '$1은 이미 해체됨'],
  [`${AL} dissolved: too few members`, '$1 해체: 구성원이 너무 적음'],
  [`${AL} dissolved \\({REST}\\)`, '$1 해체 ($2)'],
  [`${AL} dissolved: {REST}`, '$1 해체: $2'],
  ['an ally was abandoned in a crisis', '위기에서 동맹국을 저버림'],
  ['free-riding', '무임승차'],
  [`its target ${ID} no longer threatens its members`, '대상 $1가 더 이상 구성원을 위협하지 않음'],
  [`would found one alliance with states it stands against: {REST}`, '맞서고 있는 국가와 한 동맹을 맺게 됨: $1'],
  [`${ID} is the target of alliance ${AL}`, '$1는 동맹 $2의 대상'],
  [`${ID} balances ${ID} this turn`, '이번 턴에 $1가 $2에 맞섬'],
  [`${ID} is allied with ${ID}, the target of ${AL}`, '$1는 $3의 대상인 $2와 동맹'],
  [`one of ${ID} and ${ID} balances the other's bloc`, '$1와 $2 중 한쪽이 상대 진영에 맞섬'],
  // crises and wars
  [`crisis (c[0-9]+) declared against ${ID}: resolved next turn`, '$2에 대한 위기 $1 선언: 다음 턴에 판정'],
  [`${ID} attacks ${ID} \\(crisis (c[0-9]+)\\)`, '$1가 $2를 공격 (위기 $3)'],
  [`${ID} is an ally`, '$1는 동맹국'],
  [`${ID} is your client`, '$1는 내 종속국'],
  ['a party was conquered this turn', '당사국 하나가 이번 턴에 정복됨'],
  ['a party was conquered earlier this turn', '당사국 하나가 이번 턴에 먼저 정복됨'],
  [`bound to both ${ID} and ${ID}: stays out`, '$1와 $2 양쪽에 약속이 있어 빠짐'],
  [`bound to defend ${ID} against ${ID}`, '$2로부터 $1를 지킬 의무'],
  [`jackal: joins its patron ${ID} against ${ID}`, '약탈 편승: 후원국 $1와 함께 $2를 공격'],
  [`joins the attack of its offensive ally ${ID}`, '공세 동맹국 $1의 공격에 가담'],
  [`balances against ${ID}: joins the attack`, '$1에 맞서 균형: 공격에 가담'],
  [`balances against ${ID}: joins the defence of ${ID}`, '$1에 맞서 균형: $2의 방어에 가담'],
  [`${ID} hid while its ally ${ID} was in a crisis`, '동맹국 $2가 위기에 처했을 때 $1는 중립을 지킴'],
  [`${ID} passed the buck while its ally ${ID} was in a crisis`, '동맹국 $2가 위기에 처했을 때 $1는 책임을 전가함'],
  [`${ID} bandwagoned while its ally ${ID} was in a crisis`, '동맹국 $2가 위기에 처했을 때 $1는 편승함'],
  [`${ID} hid instead of pressing its attack: the crisis is called off`, '$1가 공격 대신 중립을 택해 위기가 취소됨'],
  [`crisis (c[0-9]+) is void: {REST}`, '위기 $1 무효: $2'],
  [`crisis (c[0-9]+) defused: {REST}`, '위기 $1 해소: $2'],
  [`${ID} became a client of ${ID}`, '$1가 $2의 종속국이 됨'],
  [`${ID} allied with ${ID}`, '$1가 $2와 동맹을 맺음'],
  [`war (c[0-9]+): {REST}`, '전쟁 $1: $2'],
  [`${ID} conquered ${ID} \\(strength ${NUM} against ${NUM}, at least ${NUM} to 1\\)`, '$1가 $2를 정복함 (전력 $3 대 $4, 정복하려면 최소 $5 대 1)'],
  [`${ID} held against ${ID} \\(strength ${NUM} against ${NUM}\\); ${ID} pays reparations`, '$1가 $2에 맞서 버팀 (전력 $3 대 $4), $5가 배상금을 냄'],
  [`${ID} defeated ${ID} \\(strength ${NUM} against ${NUM}\\); spoils taken`, '$1가 $2를 물리침 (전력 $3 대 $4), 전리품 획득'],
  [`${ID} was conquered by ${ID}`, '$1가 $2에게 정복됨'],
  [`${ID} was conquered`, '$1가 정복됨'],
  [`${ID} has been conquered and cannot act`, '$1는 정복되어 행동할 수 없음'],
  // aid and penetration
  [`${NUM} points to ${ID}'s military`, '$2의 군사력에 $1점 지원'],
  [`${ID} was conquered this turn`, '$1가 이번 턴에 정복됨'],
  [`${ID}'s politics now lean toward ${ID}`, '$1의 정치가 이제 $2 쪽으로 기울어짐'],
  [`failed and was discovered: ${ID} trusts ${ID} less`, '실패하고 발각됨: $1가 $2를 덜 신뢰함'],
  ['failed unnoticed', '실패했지만 들키지 않음'],
  // refused orders
  ['at most two actions a turn', '한 턴에 행동은 최대 두 개'],
  ['the same action twice', '같은 행동을 두 번'],
  ['hiding: a hiding state cannot attack', '중립: 중립국은 공격할 수 없음'],
  ['hiding: a hiding state sends no aid', '중립: 중립국은 원조할 수 없음'],
  ['amount: must be positive', '양: 0보다 커야 함'],
  [`amount: aid this turn exceeds ${NUM} of economy`, '양: 이번 턴 원조가 경제력의 $1을 넘음'],
  [`alliance: ${ID} is not a member of ${AL}`, '동맹: $1는 $2의 구성원이 아님'],
  [`${ID}: missing`, '$1: 비어 있음'],
  [`${ID}: no state ${ID}`, '$1: $2라는 국가가 없음'],
  [`${ID}: cannot name yourself`, '$1: 자기 자신은 지목할 수 없음'],
  [`${ID}: ${ID} has been conquered`, '$1: $2는 정복됨'],
  [`partners: ${ID} is named twice`, '파트너: $1를 두 번 지목함'],
  [`catcher: cannot be the threat itself`, '떠맡을 국가: 위협 국가 자신일 수 없음'],
  [`with: ${ID} is your own client`, '편승 대상: $1는 내 종속국'],
  ['bandwagon kind is missing', '편승 종류가 비어 있음'],
  [`internal effort ${NUM} is outside \\[0, ${NUM}\\]`, '내부 증강 $1이 [0, $2] 범위를 벗어남'],
  // game events and replies to the instructor
  // a member took a seat (the name is whatever the student typed)
  ['(.+) joined ([A-Z][A-Z0-9]{1,5})', '$1 님이 $2 자리에 참가했습니다'],
  ['the instructor paused the game', '교수자가 게임을 일시 정지했습니다'],
  ['the instructor resumed the game', '교수자가 게임을 재개했습니다'],
  [`the deadline was extended by ${NUM} s`, '마감이 $1초 연장되었습니다'],
  [`${ID} is now played by the ${ID} bot`, '$1는 이제 $2 봇이 맡습니다'],
  ['paused', '일시 정지했습니다'],
  ['resumed', '재개했습니다'],
  ['deadline extended', '마감을 연장했습니다'],
  [`adjudicating turn ${NUM}`, '$1턴을 판정하는 중'],
  ['ending the game', '게임을 끝내는 중'],
  ['injected', '사건을 투입했습니다'],
  [`note added to turn ${NUM}`, '$1턴에 메모를 추가했습니다'],
  [`message ${ID} sent`, '메시지 $1을 보냈습니다'],
  // why a game ended (the games dashboard)
  ['the last turn has been played', '마지막 턴까지 진행됨'],
  ['the instructor ended it', '교수자가 종료함'],
  ['the game is over: {REST}', '게임이 끝났습니다: $1'],
  // the ladder's status line
  ['starting', '시작하는 중'],
  ['stopped', '멈춤'],
  [`playing game ${NUM} \\(${ID}\\)`, '$1번 게임 진행 중 ($2)'],
  [`rated game ${NUM}; pausing ${NUM} ms`, '$1번 게임 레이팅 완료, $2 ms 쉬는 중'],
  [`game ${NUM} failed: (.+); retrying`, '$1번 게임 실패: $2, 다시 시도합니다'],
];

const COMPILED = RULES.map(([en, ko]) => {
  const rest = [];
  let i = 0;
  const src = en.replace(/\{REST\}/g, () => {
    rest.push(++i);
    return '(.+)';
  });
  return { re: new RegExp(`^${src}$`), ko, nested: en.includes('{REST}') };
});

/** Korean for one sentence the server wrote, or null when no pattern knows it. */
export function engineKo(text) {
  const s = String(text || '').trim();
  if (!s) return '';
  for (const r of COMPILED) {
    const m = s.match(r.re);
    if (!m) continue;
    let failed = false;
    const out = r.ko.replace(/\$([0-9]+)/g, (x, k) => {
      const part = m[Number(k)] || '';
      // a scenario's named alliance (e.g. triple-alliance, nato) by its name
      if (/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(part) && has(`allianceId.${part}`)) return t(`allianceId.${part}`);
      // a part that is a whole sentence (not an id, a number or a list of ids) is translated too
      if (r.nested) {
        const inner = engineKo(part);
        if (inner === null && /[a-z]{2,}/.test(part)) failed = true;
        return inner === null ? part : inner;
      }
      return part;
    });
    if (!failed) return out;
  }
  // several sentences joined by "; " (an inject's events, for one)
  if (s.includes('; ')) {
    const parts = s.split('; ').map(engineKo);
    if (parts.every((p) => p !== null)) return parts.join('; ');
  }
  return null;
}

/** The server's sentence in the language on screen: Korean when a pattern knows it. */
export function engineText(text) {
  if (lang() !== 'ko') return text || '';
  const ko = engineKo(text);
  return ko === null ? text || '' : ko;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A turn's calendar label ("July 1914", "1 August 1914", "431 BC, summer") in the language on screen. */
export function turnLabel(label) {
  const s = String(label || '');
  if (lang() !== 'ko') return s;
  let m = s.match(/^([0-9]{1,2}) ([A-Z][a-z]+) (-?[0-9]+)$/);
  if (m && MONTHS.includes(m[2])) return `${m[3]}년 ${MONTHS.indexOf(m[2]) + 1}월 ${m[1]}일`;
  m = s.match(/^([A-Z][a-z]+) (-?[0-9]+)$/);
  if (m && MONTHS.includes(m[1])) return `${m[2]}년 ${MONTHS.indexOf(m[1]) + 1}월`;
  m = s.match(/^([0-9]+)( BC)?(?:, (summer|winter))?$/);
  if (m) return `${m[2] ? '기원전 ' : ''}${m[1]}년${m[3] ? (m[3] === 'summer' ? ' 여름' : ' 겨울') : ''}`;
  m = s.match(/^turn ([0-9]+)$/);
  if (m) return `${m[1]}턴`;
  return s;
}
