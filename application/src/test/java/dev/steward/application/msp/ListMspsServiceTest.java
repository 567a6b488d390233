package dev.steward.application.msp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.application.inmemory.InMemoryMspRepository;
import dev.steward.application.inmemory.InMemoryUnitOfWork;
import dev.steward.application.testkit.Fixtures;
import dev.steward.domain.msp.Msp;
import dev.steward.domain.msp.MspName;
import org.junit.jupiter.api.Test;

class ListMspsServiceTest {

    @Test
    void listsEveryMspOldestFirst() {
        InMemoryMspRepository msps = new InMemoryMspRepository(new InMemoryUnitOfWork());
        Msp later = msps.add(Msp.register(Fixtures.uniqueMspId(), new MspName("Later"), Fixtures.T0.plusSeconds(60)));
        Msp first = msps.add(Msp.register(Fixtures.uniqueMspId(), new MspName("First"), Fixtures.T0));

        assertThat(new ListMspsService(msps).list()).extracting(Msp::id).containsExactly(first.id(), later.id());
    }
}
