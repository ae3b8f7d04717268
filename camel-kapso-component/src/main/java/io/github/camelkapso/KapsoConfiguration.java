package io.github.camelkapso;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.camelkapso.client.KapsoClientSettings;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/** Options shared by the component (defaults) and its endpoints (overrides). */
@UriParams
public class KapsoConfiguration implements Cloneable {

    @UriParam(label = "security", secret = true,
              description = "The Kapso project API key, sent as X-API-Key. Never logged nor shown in endpoint URIs.")
    private String apiKey;
    @UriParam(defaultValue = "https://api.kapso.ai",
              description = "Base URL of the Kapso API; point it at a local Kapso simulator for tests.")
    private String baseUrl = "https://api.kapso.ai";
    @UriParam(defaultValue = "v24.0", description = "Graph API version of the WhatsApp proxy paths (/meta/whatsapp/<version>).")
    private String graphVersion = "v24.0";
    @UriParam(description = "Default WhatsApp phone number id for operations whose path names one.")
    private String phoneNumberId;
    @UriParam(description = "Default WhatsApp Business account (WABA) id for operations whose path names one.")
    private String businessAccountId;
    @UriParam(description = "Default Kapso customer id for operations whose path names one.")
    private String customerId;

    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration",
              description = "How long one HTTP attempt may take, in milliseconds, before it fails with a timeout.")
    private long requestTimeout = 30_000;

    @UriParam(label = "retry", defaultValue = "3",
              description = "How many times a failed call is retried: 429 for any operation, 5xx and I/O errors only for"
                            + " idempotent operations (a message send is never re-sent blindly). 0 switches retries off.")
    private int maxRetries = 3;
    @UriParam(label = "retry", defaultValue = "500", javaType = "java.time.Duration",
              description = "First retry delay in milliseconds; doubles with each attempt (with jitter).")
    private long retryDelay = 500;
    @UriParam(label = "retry", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest delay between two attempts, in milliseconds, whatever Retry-After says.")
    private long maxRetryDelay = 30_000;

    @UriParam(label = "producer,pagination", defaultValue = "false",
              description = "Follow cursor, page or offset pagination and return every item as one list.")
    private boolean autoPaginate;
    @UriParam(label = "producer,pagination", defaultValue = "100",
              description = "Most pages fetched by autoPaginate before it stops (the answer then says so in CamelKapsoPagesFetched).")
    private int maxPages = 100;
    @UriParam(label = "producer,pagination",
              description = "Page size sent as limit or per_page when the call does not set one.")
    private Integer pageSize;
    @UriParam(label = "producer,pagination", defaultValue = "false",
              description = "Return the items of a list as a List of Camel Messages, one per item with its own headers,"
                            + " ready for split(body()).")
    private boolean splitResult;

    @UriParam(label = "producer",
              description = "Type of the answer body: a Map or List by default; com.fasterxml.jackson.databind.JsonNode"
                            + " for the JSON tree, String for the raw text, or any class Jackson can bind to.")
    private Class<?> responseClass;

    @UriParam(label = "producer,throttling", defaultValue = "false",
              description = "Throttle message sends per phone number with a token bucket (Meta allows about 80 msg/s per number).")
    private boolean throttleEnabled;
    @UriParam(label = "producer,throttling", defaultValue = "80",
              description = "Messages per second per phone number when throttleEnabled is set.")
    private double throttleRate = 80;

    @UriParam(label = "producer", prefix = "filter.", multiValue = true,
              description = "Database row filters for queryRows, updateRows, upsertRows and deleteRows, e.g."
                            + " filter.status=eq.active&filter.age=gte.18 (PostgREST operators).")
    private Map<String, Object> filters;

    @Metadata(label = "advanced", description = "Filters which Camel message headers go out as HTTP request headers.")
    @UriParam(label = "advanced")
    private org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy;

    public KapsoConfiguration copy() {
        try {
            KapsoConfiguration copy = (KapsoConfiguration) clone();
            copy.filters = filters == null ? null : new HashMap<>(filters);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getApiKey() {
        return apiKey;
    }

    /** Surrounding whitespace is dropped: a key read from a file or an environment often ends with a line break. */
    public void setApiKey(String apiKey) {
        this.apiKey = apiKey == null ? null : apiKey.strip();
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getGraphVersion() {
        return graphVersion;
    }

    public void setGraphVersion(String graphVersion) {
        this.graphVersion = graphVersion;
    }

    public String getPhoneNumberId() {
        return phoneNumberId;
    }

    public void setPhoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public String getBusinessAccountId() {
        return businessAccountId;
    }

    public void setBusinessAccountId(String businessAccountId) {
        this.businessAccountId = businessAccountId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isAutoPaginate() {
        return autoPaginate;
    }

    public void setAutoPaginate(boolean autoPaginate) {
        this.autoPaginate = autoPaginate;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public Integer getPageSize() {
        return pageSize;
    }

    public void setPageSize(Integer pageSize) {
        this.pageSize = pageSize;
    }

    public boolean isSplitResult() {
        return splitResult;
    }

    public void setSplitResult(boolean splitResult) {
        this.splitResult = splitResult;
    }

    public Class<?> getResponseClass() {
        return responseClass;
    }

    public void setResponseClass(Class<?> responseClass) {
        this.responseClass = responseClass;
    }

    public boolean isThrottleEnabled() {
        return throttleEnabled;
    }

    public void setThrottleEnabled(boolean throttleEnabled) {
        this.throttleEnabled = throttleEnabled;
    }

    public double getThrottleRate() {
        return throttleRate;
    }

    public void setThrottleRate(double throttleRate) {
        this.throttleRate = throttleRate;
    }

    public Map<String, Object> getFilters() {
        return filters;
    }

    public void setFilters(Map<String, Object> filters) {
        this.filters = filters;
    }

    public org.apache.camel.spi.HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(org.apache.camel.spi.HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    @Override
    public String toString() {
        return "KapsoConfiguration[baseUrl=" + baseUrl + ", graphVersion=" + graphVersion
               + ", apiKey=" + (apiKey == null ? "<unset>" : "xxxxxx") + "]";
    }

    /** What the Kapso client needs of this configuration: where, which key, how patiently. */
    public KapsoClientSettings toClientSettings() {
        if (throttleEnabled && !(throttleRate > 0 && !Double.isInfinite(throttleRate))) {
            throw new IllegalArgumentException("throttleRate must be positive, got " + throttleRate);
        }
        return new KapsoClientSettings(baseUrl, graphVersion, apiKey, Duration.ofMillis(requestTimeout), maxRetries,
                Duration.ofMillis(retryDelay), Duration.ofMillis(maxRetryDelay), throttleEnabled ? throttleRate : 0);
    }
}
