MERGE INTO kapso_events (idempotency_key, event_type, phone_number_id, conversation_id, message_id, received_at, payload)
KEY (idempotency_key)
VALUES (:#idempotencyKey, :#eventType, :#phoneNumberId, :#conversationId, :#messageId, CURRENT_TIMESTAMP, :#payload)
