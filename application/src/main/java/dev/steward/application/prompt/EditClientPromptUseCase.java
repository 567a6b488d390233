package dev.steward.application.prompt;

import dev.steward.application.client.ClientDetails;

/** Capability: edit a client's prompt; saving deploys the composed prompt to its agent. */
public interface EditClientPromptUseCase {

    /** @throws dev.steward.application.problem.InvalidCommand if the prompt is too long or contains NUL */
    ClientDetails edit(EditClientPromptCommand command);
}
