package org.entente.server.chaos;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.api.Orders;
import org.entente.client.net.EntenteClient;
import org.entente.client.sdk.RemoteBot;
import org.entente.client.wire.Wire;
import org.entente.proto.v1.ErrorCode;
import org.entente.proto.v1.OrdersAccepted;

/** Records in the ledger what the server answered to one seat's orders. */
final class SeatListener implements RemoteBot.Listener {
  private final String gameId;
  private final String state;
  private final Ledger ledger;
  private final Map<Integer, org.entente.proto.v1.Orders> sent = new ConcurrentHashMap<>();

  SeatListener(String gameId, String state, Ledger ledger) {
    this.gameId = gameId;
    this.state = state;
    this.ledger = ledger;
  }

  @Override
  public void submitted(int turn, Orders orders) {
    sent.put(turn, Wire.orders(orders));
  }

  @Override
  public void accepted(int turn, OrdersAccepted accepted) {
    ledger.acknowledged(gameId, state, turn, sent.get(turn));
  }

  @Override
  public void rejected(int turn, Throwable error) {
    ErrorCode code = EntenteClient.codeOf(error);
    if (code == ErrorCode.JOURNAL_UNAVAILABLE) {
      ledger.ordersRefusedDiskFull.incrementAndGet();
    } else if (code == ErrorCode.ERROR_CODE_UNSPECIFIED) {
      ledger.ordersUnanswered.incrementAndGet(); // the connection died with the server
    } else {
      ledger.refused(code);
    }
  }
}
