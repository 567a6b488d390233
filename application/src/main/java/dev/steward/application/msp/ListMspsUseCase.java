package dev.steward.application.msp;

import dev.steward.domain.msp.Msp;
import java.util.List;

/** Capability: every MSP (tenant) of this installation, oldest first. For operators and first-run set-up. */
public interface ListMspsUseCase {

    List<Msp> list();
}
