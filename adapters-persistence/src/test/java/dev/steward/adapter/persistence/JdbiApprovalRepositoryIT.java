package dev.steward.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.application.port.agent.ApprovalRepository;
import dev.steward.application.port.agent.ApprovalRepositoryContract;
import dev.steward.application.port.client.ClientRepository;
import dev.steward.application.port.client.MspRepository;
import dev.steward.application.port.store.UnitOfWork;
import dev.steward.application.problem.PortFailure;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.activity.RedactedArguments;
import dev.steward.domain.approval.ApprovalRequest;
import dev.steward.domain.integration.ToolName;
import dev.steward.domain.msp.MspId;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JdbiApprovalRepositoryIT extends ApprovalRepositoryContract {

    private static final String SECRET = "Tr0ub4dor&3-at-rest";
    private final JdbiStores stores = TestDatabase.stores();

    @Override
    protected MspRepository msps() {
        return stores.msps();
    }

    @Override
    protected ClientRepository clients() {
        return stores.clients();
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return stores.unitOfWork();
    }

    @Override
    protected ApprovalRepository approvals() {
        return stores.approvals();
    }

    private ApprovalRequest stored(MspId msp) {
        Map<String, String> arguments = Map.of("user", "jane@contoso.example", "newPassword", SECRET);
        ApprovalRequest request = ApprovalRequest.raise(UUID.randomUUID(), msp, storedClient(msp).id(),
                UUID.randomUUID(), "CW-9", ToolName.of("m365:reset-password"), RedactedArguments.of(arguments),
                "plan", Fixtures.T0);
        stores.approvals().add(request, arguments);
        return request;
    }

    @Test
    void theOriginalArgumentsAreSealedAtRestAndOnlyTheRedactedCopyIsReadable() {
        ApprovalRequest request = stored(storedMsp());

        String row = stores.unitOfWork().read(h -> h.createQuery("""
                        select arguments::text || encode(sealed_arguments, 'escape') from approvals where id = :id""")
                .bind("id", request.id()).mapTo(String.class).one());
        byte[] sealed = stores.unitOfWork().read(h -> h.createQuery(
                "select sealed_arguments from approvals where id = :id").bind("id", request.id())
                .mapTo(byte[].class).one());

        assertThat(row).doesNotContain(SECRET).contains(RedactedArguments.MASK);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET)
                .doesNotContain("jane@contoso.example");
    }

    @Test
    void argumentsSealedWithAnotherKeyAreNamedNotMisread() {
        MspId msp = storedMsp();
        ApprovalRequest request = stored(msp);
        JdbiApprovalRepository otherKey = new JdbiApprovalRepository(stores.unitOfWork(),
                new SecretCipher(JdbiStores.newKey()));

        assertThatThrownBy(() -> otherKey.arguments(msp, request.id())).isInstanceOf(PortFailure.class)
                .hasMessageContaining("sealed with key");
    }
}
