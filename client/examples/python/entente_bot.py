#!/usr/bin/env python3
"""A small Entente bot in Python: raw TCP, varint-length-prefixed protobuf frames.

It plays a compact balance of threat: it balances the state that threatens it most (arming more
the less it is covered, and proposing alliances to the states most exposed to the same threat),
defends itself when attacked, aids allies under attack, and hides when nothing threatens it.

    python3 entente_bot.py --server 127.0.0.1:7470 --token TOKEN
    python3 entente_bot.py --server 127.0.0.1:7470 --game GAME --state KAD

The generated modules (entente/v1/protocol_pb2.py) must be on PYTHONPATH: see README.md.
"""

import argparse
import socket
import sys

from entente.v1 import protocol_pb2 as pb

MAX_PARTNERS = 2
AID_SHARE = 0.05


# ---------------------------------------------------------------- framing


def varint(n):
    """Protobuf's base-128 varint: 7 bits a byte, low group first."""
    out = bytearray()
    while True:
        low = n & 0x7F
        n >>= 7
        if n:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


class Connection:
    """One TCP connection speaking ClientMessage / ServerMessage frames."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.buf = b""
        self.next_id = 0

    def send(self, **body):
        self.next_id += 1
        msg = pb.ClientMessage(request_id="py%d" % self.next_id, **body)
        data = msg.SerializeToString()
        self.sock.sendall(varint(len(data)) + data)
        return msg.request_id

    def _read(self, n):
        while len(self.buf) < n:
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                self.send(ping=pb.Ping())  # quiet for a while: keep the connection alive
                continue
            if not chunk:
                raise ConnectionError("the server closed the connection")
            self.buf += chunk
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def receive(self):
        length, shift = 0, 0
        while True:
            b = self._read(1)[0]
            length |= (b & 0x7F) << shift
            if not b & 0x80:
                break
            shift += 7
        msg = pb.ServerMessage()
        msg.ParseFromString(self._read(length))
        return msg

    def request(self, **body):
        """Sends a request and returns its reply; pushes that arrive first are kept."""
        rid = self.send(**body)
        early = []
        while True:
            m = self.receive()
            if m.request_id == rid:
                return m, early
            early.append(m)


# ---------------------------------------------------------------- the strategy


def estimate(view, frm, to):
    """Public threat estimate of frm on to: power * prox(frm -> to) * offensive share."""
    idx = {n.id: i for i, n in enumerate(view.nations)}
    n = len(view.nations)
    total = sum(x.military for x in view.nations if x.active) or 1.0
    f = view.nations[idx[frm]]
    prox = view.proximity[idx[frm] * n + idx[to]]
    return f.power * prox * f.offense * f.military / total


def allied(view, a, b):
    return any(a in al.members and b in al.members for al in view.alliances)


def decide(view):
    """This turn's orders (a pb.Orders) for view.self."""
    me = view.self
    active = {n.id for n in view.nations if n.active and n.id != me}
    due = [c for c in view.crises if c.resolves_turn == view.turn]
    rules = view.rules
    orders = pb.Orders()

    attacked = [c for c in due if c.target == me and c.aggressor in active]
    if attacked:
        threat, effort = attacked[0].aggressor, rules.max_internal_effort
    elif view.principal_leader in active:
        threat = view.principal_leader
        cover = min(1.0, max(0.2, 1.2 - view.coverage))
        effort = rules.max_internal_effort * cover
    else:
        orders.stance.hide.SetInParent()
        return orders

    bloc = set(view.principal_threat) | {threat}
    candidates = [
        k
        for k in sorted(active)
        if k not in bloc
        and not allied(view, me, k)
        and next(n for n in view.nations if n.id == k).patron != threat
    ]
    candidates.sort(key=lambda k: -estimate(view, threat, k))
    balance = orders.stance.balance
    balance.against = threat
    balance.internal = max(0.0, min(rules.max_internal_effort, effort))
    balance.partners.extend(candidates[:MAX_PARTNERS])

    economy = next(n for n in view.nations if n.id == me).economy
    aid_left = rules.aid_max_share * economy
    for c in due:
        if len(orders.actions) >= 2 or aid_left <= 0:
            break
        if c.target in active and allied(view, me, c.target) and not allied(view, me, c.aggressor):
            amount = min(AID_SHARE * economy, aid_left)
            if amount > 0 and c.target not in [a.aid.to for a in orders.actions]:
                orders.actions.add().aid.CopyFrom(pb.Aid(to=c.target, amount=amount))
                aid_left -= amount
    return orders


def describe(orders):
    kind = orders.stance.WhichOneof("kind")
    if kind == "balance":
        b = orders.stance.balance
        text = "BALANCE %s %.2f %s" % (b.against, b.internal, ",".join(b.partners) or "-")
    else:
        text = kind.upper()
    for a in orders.actions:
        text += "; AID %s %.1f" % (a.aid.to, a.aid.amount)
    return text


# ---------------------------------------------------------------- the game loop


def play(conn, token):
    """Answers every turn until the game ends; returns (turns accepted, refusals)."""
    answered, accepted, refused = set(), 0, 0
    pending = {}
    while True:
        m = conn.receive()
        body = m.WhichOneof("body")
        if body == "view":
            v = m.view
            if v.phase == pb.FINISHED:
                return accepted, refused
            if v.phase == pb.ELIMINATED:
                # protocol 1.1: the seat's state was conquered; watch until the game ends
                if "eliminated" not in answered:
                    print("eliminated: %s" % v.eliminated.reason, flush=True)
                    answered.add("eliminated")
                continue
            if v.phase == pb.ORDERS and v.self and v.turn not in answered:
                # a server before protocol 1.1 only says so in the seat's nation
                if not any(n.id == v.self and n.active for n in v.nations):
                    print("turn %d: conquered, only observing" % v.turn, flush=True)
                    answered.add(v.turn)
                    continue
                orders = decide(v)
                rid = conn.send(
                    submit_orders=pb.SubmitOrders(token=token, turn=v.turn, state=v.self, orders=orders)
                )
                pending[rid] = (v.turn, describe(orders))
                answered.add(v.turn)
        elif body == "orders_accepted" and m.request_id in pending:
            turn, text = pending.pop(m.request_id)
            accepted += 1
            print("turn %d: %s accepted" % (turn, text), flush=True)
        elif body == "error":
            refused += 1
            print("refused %s: %s" % (pb.ErrorCode.Name(m.error.code), m.error.message), file=sys.stderr, flush=True)
        elif body == "game_event" and m.game_event.kind == pb.GAME_ENDED:
            return accepted, refused


def main(argv=None):
    p = argparse.ArgumentParser(description="A balance-of-threat Entente bot over raw TCP.")
    p.add_argument("--server", default="127.0.0.1:7470", help="HOST:PORT")
    p.add_argument("--token", help="a seat token (resume the seat)")
    p.add_argument("--game", help="a game id to join (with --state)")
    p.add_argument("--state", help="the state to play when joining")
    p.add_argument("--secret", help="the seat's join code (from the instructor's links)")
    p.add_argument("--name", default="python-bot", help="member name when joining")
    args = p.parse_args(argv)
    if not args.token and not (args.game and args.state and args.secret):
        p.error("give --token, or --game, --state and --secret")
    host, _, port = args.server.rpartition(":")
    conn = Connection(host or "127.0.0.1", int(port or 7470))

    reply, _ = conn.request(hello=pb.Hello(major=1, client="entente-python-example/0.1"))
    if reply.WhichOneof("body") != "welcome":
        sys.exit("hello refused: %s" % reply.error.message)
    idle = reply.welcome.limits.idle_timeout_seconds
    conn.sock.settimeout(max(5, idle / 3) if idle else 60)
    if args.token:
        reply, early = conn.request(resume=pb.Resume(token=args.token))
        token = args.token
    else:
        reply, early = conn.request(
            join_seat=pb.JoinSeat(
                game_id=args.game, state=args.state, member=args.name, secret=args.secret
            )
        )
        token = reply.joined.token
    if reply.WhichOneof("body") == "error":
        sys.exit("cannot take the seat: %s %s" % (pb.ErrorCode.Name(reply.error.code), reply.error.message))
    # A view pushed before the reply is answered by play(): put it back in front of the stream.
    for m in reversed(early):
        data = m.SerializeToString()
        conn.buf = varint(len(data)) + data + conn.buf
    accepted, refused = play(conn, token)
    print("game over: %d turns accepted, %d refusals" % (accepted, refused), flush=True)
    return 0 if refused == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
