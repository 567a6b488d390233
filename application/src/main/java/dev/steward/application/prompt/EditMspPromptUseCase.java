package dev.steward.application.prompt;

import dev.steward.domain.msp.Msp;

/** Capability: edit the MSP prompt; saving deploys the newly composed prompt to every live agent of the MSP. */
public interface EditMspPromptUseCase {

    Msp edit(EditMspPromptCommand command);
}
