package org.entente.server.engine;

import org.entente.api.Stance.BandwagonKind;

/** A patron-client link created by bandwagoning; it lasts while the client keeps bandwagoning. */
public record ClientLink(String client, String patron, BandwagonKind kind, int since) {}
