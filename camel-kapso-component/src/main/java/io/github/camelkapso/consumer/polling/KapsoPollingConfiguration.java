package io.github.camelkapso.consumer.polling;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/** Options of the polling consumer over list operations ({@code from("kapso:listMessages?...")}). */
@UriParams
public class KapsoPollingConfiguration implements Cloneable {

    @UriParam(label = "consumer,polling", defaultValue = "0",
              description = "Most items handed to the route per poll; the rest wait for the next poll (the watermark only"
                            + " moves over what was emitted). 0 or less: no limit.")
    private int maxMessagesPerPoll;
    @UriParam(label = "consumer,polling", defaultValue = "100",
              description = "Most pages one poll fetches looking for the watermark. A poll that stops here before reaching"
                            + " it logs a warning naming the range it could not read; set pollSince or raise this.")
    private int pollMaxPages = 100;
    @UriParam(label = "consumer,polling",
              description = "Where the watermark is kept between polls and restarts, keyed by stateKey. Defaults to memory"
                            + " (lost on restart); use a FileStateRepository or a database-backed one to resume after a"
                            + " restart.")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "consumer,polling",
              description = "The key of this consumer's watermark in the state repository. Defaults to the operation and"
                            + " its parameters, e.g. listMessages[phone_number_id:123]; set it when two endpoints with the"
                            + " same parameters poll different Kapso projects into one repository.")
    private String stateKey;
    @UriParam(label = "consumer,polling",
              description = "Remembers the ids of emitted items so an item is never emitted twice even when the watermark"
                            + " alone would let it through (pollLookback, a conversation active again). Defaults to an"
                            + " in-memory repository of 1000 ids.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,polling",
              description = "queryRows only: the column the consumer orders rows by and filters with gte on; it should"
                            + " only grow for new rows. Defaults to created_at.")
    private String pollOrderColumn;
    @UriParam(label = "consumer,polling",
              description = "Where the first poll starts when the state repository holds nothing for stateKey: an ISO-8601"
                            + " time (for queryRows, a value of pollOrderColumn). Items ordered before it are never"
                            + " emitted. Unset: the whole list.")
    private String pollSince;
    @UriParam(label = "consumer,polling", defaultValue = "0", javaType = "java.time.Duration",
              description = "How far behind the watermark each poll looks again, in milliseconds, for items Kapso lists"
                            + " late with an older time (a message whose WhatsApp timestamp predates its arrival). Items"
                            + " found there are emitted unless the idempotent repository knows their id. Not for queryRows.")
    private long pollLookback;

    /** The in-memory defaults, kept with the endpoint: a route stopped and started again gets a new consumer. */
    private transient StateRepository<String, String> memoryState;
    private transient IdempotentRepository memoryIds;

    public KapsoPollingConfiguration copy() {
        try {
            KapsoPollingConfiguration copy = (KapsoPollingConfiguration) clone();
            copy.memoryState = null;
            copy.memoryIds = null;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public int getPollMaxPages() {
        return pollMaxPages;
    }

    public void setPollMaxPages(int pollMaxPages) {
        this.pollMaxPages = pollMaxPages;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateKey() {
        return stateKey;
    }

    public void setStateKey(String stateKey) {
        this.stateKey = stateKey;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getPollOrderColumn() {
        return pollOrderColumn;
    }

    public void setPollOrderColumn(String pollOrderColumn) {
        this.pollOrderColumn = pollOrderColumn;
    }

    public String getPollSince() {
        return pollSince;
    }

    public void setPollSince(String pollSince) {
        this.pollSince = pollSince;
    }

    public long getPollLookback() {
        return pollLookback;
    }

    public void setPollLookback(long pollLookback) {
        this.pollLookback = pollLookback;
    }

    /** The configured state repository, else this endpoint's in-memory one (created once, never stopped: stopping clears it). */
    synchronized StateRepository<String, String> stateRepositoryOrDefault() {
        if (stateRepository != null) {
            return stateRepository;
        }
        if (memoryState == null) {
            memoryState = new MemoryStateRepository();
        }
        return memoryState;
    }

    /** The configured idempotent repository, else this endpoint's in-memory one of {@code size} ids. */
    synchronized IdempotentRepository idempotentRepositoryOrDefault(int size) {
        if (idempotentRepository != null) {
            return idempotentRepository;
        }
        if (memoryIds == null) {
            memoryIds = MemoryIdempotentRepository.memoryIdempotentRepository(size);
        }
        return memoryIds;
    }
}
