-- Tables of the Camel Kapso hub. Every write is an upsert keyed on a stable id (wamid, conversation id,
-- idempotency key), so Kapso's at-least-once deliveries never duplicate a row.
CREATE TABLE IF NOT EXISTS kapso_events (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    event_type      VARCHAR(100) NOT NULL,
    phone_number_id VARCHAR(40),
    conversation_id VARCHAR(64),
    message_id      VARCHAR(200),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         CLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS kapso_messages (
    wamid           VARCHAR(200) PRIMARY KEY,
    direction       VARCHAR(10) NOT NULL,
    phone_number_id VARCHAR(40) NOT NULL,
    conversation_id VARCHAR(64),
    contact         VARCHAR(40),
    message_type    VARCHAR(40),
    text_content    VARCHAR(4096),
    status          VARCHAR(20),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS kapso_conversations (
    id              VARCHAR(64) PRIMARY KEY,
    phone_number_id VARCHAR(40) NOT NULL,
    contact         VARCHAR(40),
    status          VARCHAR(20),
    last_active_at  VARCHAR(40),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
