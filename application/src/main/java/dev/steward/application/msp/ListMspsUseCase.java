package dev.steward.application.msp;

import dev.steward.domain.msp.Msp;
import java.util.List;

/** Capability: every MSP (tenant) of this installation, oldest first. For operators and the interim caller lookup. */
public interface ListMspsUseCase {

    List<Msp> list();
}
