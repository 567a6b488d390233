package dev.steward.application.integration;

import dev.steward.domain.msp.MspId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Import companies of the MSP's connected PSA ({@code integration}, its id) as clients: one row per company chosen
 * from the PSA's directory, with the slug the technician accepted or edited (empty: the one suggested from the
 * company's name).
 */
public record ImportPsaCompaniesCommand(@NotNull(message = "is required") MspId msp,
                                        @NotNull(message = "is required") String integration,
                                        @NotNull(message = "is required")
                                        @Size(min = 1, max = ImportPsaCompaniesCommand.MAX_ROWS,
                                                message = "must hold 1-" + ImportPsaCompaniesCommand.MAX_ROWS
                                                        + " companies") List<@Valid @NotNull Row> rows) {

    public static final int MAX_ROWS = 200;

    /** One chosen company; {@code slug} may be empty to take the suggested one. */
    public record Row(String companyId, String slug) {
    }
}
