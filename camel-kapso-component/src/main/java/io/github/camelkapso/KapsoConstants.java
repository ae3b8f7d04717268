package io.github.camelkapso;

import org.apache.camel.spi.Metadata;

/**
 * Message headers the {@code kapso} component reads and writes.
 * <p>
 * Any path or query parameter of an operation can also be given as a header named {@code CamelKapso} followed by
 * the parameter in UpperCamelCase: {@code broadcast_id} becomes {@code CamelKapsoBroadcastId}, {@code per_page}
 * becomes {@code CamelKapsoPerPage}. See {@link ParameterNames}.
 */
public final class KapsoConstants {

    public static final String HEADER_PREFIX = "CamelKapso";

    @Metadata(label = "producer", description = "The catalog id of the operation to call; overrides the one in the endpoint URI.",
              javaType = "String")
    public static final String OPERATION = "CamelKapsoOperation";
    @Metadata(label = "producer", description = "The WhatsApp phone number id (path or query parameter phone_number_id).",
              javaType = "String")
    public static final String PHONE_NUMBER_ID = "CamelKapsoPhoneNumberId";
    @Metadata(label = "producer", description = "The WhatsApp Business account id (path parameter business_account_id).",
              javaType = "String")
    public static final String BUSINESS_ACCOUNT_ID = "CamelKapsoBusinessAccountId";
    @Metadata(label = "producer", description = "The Kapso customer id (path parameter customer_id).", javaType = "String")
    public static final String CUSTOMER_ID = "CamelKapsoCustomerId";
    @Metadata(label = "producer", description = "Extra query parameters sent as they are, e.g. database filters {status: 'eq.active'}.",
              javaType = "java.util.Map<String, Object>")
    public static final String QUERY_PARAMETERS = "CamelKapsoQueryParameters";
    @Metadata(label = "producer", description = "File name of a multipart upload (uploadMedia, uploadFlowJson).", javaType = "String")
    public static final String FILE_NAME = "CamelKapsoFileName";
    @Metadata(label = "producer", description = "MIME type of the uploaded media (uploadMedia); defaults to Content-Type or a guess from the file name.",
              javaType = "String")
    public static final String MEDIA_TYPE = "CamelKapsoMediaType";

    @Metadata(label = "producer", description = "HTTP status of Kapso's answer.", javaType = "Integer")
    public static final String HTTP_STATUS = "CamelKapsoHttpStatus";
    @Metadata(label = "producer", description = "The operation that produced the answer.", javaType = "String")
    public static final String RESPONSE_OPERATION = "CamelKapsoResponseOperation";
    @Metadata(label = "producer", description = "Cursor of the next page (pass it back as after), if any.", javaType = "String")
    public static final String NEXT_CURSOR = "CamelKapsoNextCursor";
    @Metadata(label = "producer", description = "Cursor of the previous page (pass it back as before), if any.", javaType = "String")
    public static final String PREVIOUS_CURSOR = "CamelKapsoPreviousCursor";
    @Metadata(label = "producer", description = "Current page of a page-paginated list.", javaType = "Integer")
    public static final String PAGE = "CamelKapsoPage";
    @Metadata(label = "producer", description = "Total pages of a page-paginated list.", javaType = "Integer")
    public static final String TOTAL_PAGES = "CamelKapsoTotalPages";
    @Metadata(label = "producer", description = "Total number of items of a list, when Kapso says it.", javaType = "Long")
    public static final String TOTAL_COUNT = "CamelKapsoTotalCount";
    @Metadata(label = "producer", description = "Number of pages fetched to build the answer (autoPaginate).", javaType = "Integer")
    public static final String PAGES_FETCHED = "CamelKapsoPagesFetched";
    @Metadata(label = "producer", description = "Number of items in the answer of a list operation.", javaType = "Integer")
    public static final String ITEM_COUNT = "CamelKapsoItemCount";
    @Metadata(label = "producer", description = "Index of the item within the result (splitResult).", javaType = "Integer")
    public static final String ITEM_INDEX = "CamelKapsoItemIndex";
    @Metadata(label = "producer", description = "Requests left in the current rate-limit window (X-RateLimit-Remaining).", javaType = "Long")
    public static final String RATE_LIMIT_REMAINING = "CamelKapsoRateLimitRemaining";
    @Metadata(label = "producer", description = "Size of the rate-limit window (X-RateLimit-Limit).", javaType = "Long")
    public static final String RATE_LIMIT_LIMIT = "CamelKapsoRateLimitLimit";
    @Metadata(label = "producer", description = "The WhatsApp message id (wamid) of a sent message.", javaType = "String")
    public static final String MESSAGE_ID = "CamelKapsoMessageId";
    @Metadata(label = "producer", description = "Number of HTTP attempts the call took (1 when no retry was needed).", javaType = "Integer")
    public static final String ATTEMPTS = "CamelKapsoAttempts";

    // polling consumer (kapso:<list operation> in from(...)); it also sets CamelKapsoItemIndex (index within the
    // poll) and CamelKapsoResponseOperation
    @Metadata(label = "consumer", description = "The id of the polled item (for queryRows, its id column).", javaType = "String")
    public static final String ITEM_ID = "CamelKapsoItemId";
    @Metadata(label = "consumer", description = "The field the polling consumer orders items by and keeps its watermark on"
                                                + " (created_at, timestamp, last_active_at, ...).",
              javaType = "String")
    public static final String ITEM_ORDER_FIELD = "CamelKapsoItemOrderField";
    @Metadata(label = "consumer", description = "The polled item's value of that field, as Kapso sent it.", javaType = "String")
    public static final String ITEM_ORDER_VALUE = "CamelKapsoItemOrderValue";
    @Metadata(label = "consumer", description = "The key of the polling consumer's watermark in its state repository.",
              javaType = "String")
    public static final String POLL_STATE_KEY = "CamelKapsoPollStateKey";
    // ---------------------------------------------------------------- flows data endpoint (kapso:flowsDataEndpoint)

    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: the action of the decrypted Flows request: INIT"
                                                + " (flow opened), data_exchange (screen submitted), BACK (back pressed on a"
                                                + " screen with refresh_on_back); ping is answered by the consumer itself.",
              javaType = "String")
    public static final String FLOW_ACTION = "CamelKapsoFlowAction";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: the screen the request comes from (may be empty for"
                                                + " INIT and BACK).", javaType = "String")
    public static final String FLOW_SCREEN = "CamelKapsoFlowScreen";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: the flow_token the business put in the flow message.",
              javaType = "String")
    public static final String FLOW_TOKEN = "CamelKapsoFlowToken";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: the data API version of the request (3.0).",
              javaType = "String")
    public static final String FLOW_VERSION = "CamelKapsoFlowVersion";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: set on an error notification (the WhatsApp client"
                                                + " rejected the previous reply): the error key from data.error. The consumer"
                                                + " acknowledges the notification itself (data.acknowledged = true); the route's"
                                                + " reply body is ignored.",
              javaType = "String")
    public static final String FLOW_ERROR = "CamelKapsoFlowError";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: set to true by the route to say the flow token is no"
                                                + " longer valid; the consumer answers HTTP 427 and WhatsApp disables the flow's"
                                                + " button.", javaType = "Boolean")
    public static final String FLOW_TOKEN_INVALID = "CamelKapsoFlowTokenInvalid";
    @Metadata(label = "consumer", description = "kapso:flowsDataEndpoint: with CamelKapsoFlowTokenInvalid, the message WhatsApp"
                                                + " shows the user (sent as the error_msg field of the 427 answer).", javaType = "String")
    public static final String FLOW_TOKEN_INVALID_MESSAGE = "CamelKapsoFlowTokenInvalidMessage";
    // ---------------------------------------------------------------- webhook consumer (kapso:webhook)
    // It also sets CamelKapsoPhoneNumberId and CamelKapsoMessageId (above) on each event. Like every CamelKapso<Param>
    // header they are read by a kapso producer later in the same route (replying from the same number works as is).

    @Metadata(label = "consumer", description = "Webhook consumer: the event name, from the signed payload where it says it,"
                                                + " else from X-Webhook-Event (a header the payload contradicts is answered"
                                                + " 400), e.g. whatsapp.message.received. A Meta-forwarded message is"
                                                + " whatsapp.message.received, a status whatsapp.message.delivered (and so"
                                                + " on), anything else meta. followed by its field, e.g. meta.calls.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelKapsoEventType";
    @Metadata(label = "consumer", description = "Webhook consumer: the key the event is de-duplicated on, from stable ids in"
                                                + " the signed payload: message:<wamid>:<event>, conversation:<id>:<event>,"
                                                + " workflow:<execution id>:<event>, else delivery:<SHA-256 of the body>"
                                                + " (followed by # and the index for an item of a split batch). The same on"
                                                + " every retry; X-Idempotency-Key, not signed, is not used.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelKapsoIdempotencyKey";
    @Metadata(label = "consumer", description = "Webhook consumer: the payload version, v2 or v1 (X-Webhook-Payload-Version);"
                                                + " not set for Meta-forwarded deliveries.",
              javaType = "String")
    public static final String PAYLOAD_VERSION = "CamelKapsoPayloadVersion";
    @Metadata(label = "consumer", description = "Webhook consumer: the Kapso conversation id of a message or conversation event.",
              javaType = "String")
    public static final String CONVERSATION_ID = "CamelKapsoConversationId";
    @Metadata(label = "consumer", description = "Webhook consumer: the position of this event in its batch, from 0.",
              javaType = "Integer")
    public static final String BATCH_INDEX = "CamelKapsoBatchIndex";
    @Metadata(label = "consumer", description = "Webhook consumer: the number of events in the batch this event came in"
                                                + " (with splitBatch=false, the number of events in the body).",
              javaType = "Integer")
    public static final String BATCH_SIZE = "CamelKapsoBatchSize";
    /**
     * Exchange property (not a header) holding the exact bytes of the webhook delivery as received and signed; for an
     * item of a split batch, the whole batch.
     */
    public static final String RAW_BODY = "CamelKapsoRawBody";

    private KapsoConstants() {
    }
}
