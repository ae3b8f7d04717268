package io.github.camelkapso.simulator.state;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimClockTest {

    @Test
    void parseIsoReadsWhatIsoWritesAndAgreesWithInstantParse() {
        SimClock clock = new SimClock(1.0);
        String now = clock.iso();
        assertThat(SimClock.parseIso(now)).isEqualTo(Instant.parse(now));
        for (String iso : new String[] {"2026-11-26T04:37:01Z", "2026-11-26T04:37:01.610Z", "2024-02-29T23:59:59.999Z",
                "1970-01-01T00:00:00Z", "2026-01-01T00:00:00.000Z", "2026-11-26T04:37:01.123456Z", "2026-11-26T04:37:01+02:00", "2026-11-26T24:00:00Z"}) {
            assertThat(SimClock.parseIso(iso)).as(iso).isEqualTo(Instant.parse(iso));
        }
    }

    @Test
    void parseIsoRejectsWhatInstantParseRejects() {
        assertThatThrownBy(() -> SimClock.parseIso("2026-02-30T00:00:00Z")).isInstanceOf(java.time.format.DateTimeParseException.class);
        assertThatThrownBy(() -> SimClock.parseIso("not a time")).isInstanceOf(java.time.format.DateTimeParseException.class);
    }
}
