package dev.jobstream.projector.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobstream.contract.JobStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobFilterTest {

    @Test
    void anEmptyFilterKeepsEveryJob() {
        JobFilter filter = new JobFilter(" ", "", null, null);

        assertThat(filter.conditions()).isEmpty();
        assertThat(filter.arguments()).isEmpty();
        assertThat(filter.scope().userId()).isNull();
    }

    @Test
    void everyPartOfTheFilterIsAConditionWithItsValue() {
        JobFilter filter = new JobFilter("alice", "sleep", JobStatus.DEAD, null);

        assertThat(filter.conditions()).containsExactly("user_id = ?", "type = ?", "status = ?");
        assertThat(filter.arguments()).containsExactly("alice", "sleep", "dead");
    }

    @Test
    void aWholeJobIdIsSearchedExactly() {
        UUID id = UUID.randomUUID();

        JobFilter filter = new JobFilter(null, null, null, id.toString());

        assertThat(filter.conditions()).containsExactly("id = ?");
        assertThat(filter.arguments()).containsExactly(id);
    }

    @Test
    void otherTextIsSearchedInTheIdAndInTheErrorWithWildcardsEscaped() {
        JobFilter filter = new JobFilter(null, null, null, "Disk_100%");

        assertThat(filter.conditions()).singleElement().asString().contains("like ?").contains("ilike ?");
        assertThat(filter.arguments()).containsExactly("%disk\\_100\\%%", "%Disk\\_100\\%%");
    }
}
