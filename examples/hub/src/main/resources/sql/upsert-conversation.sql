MERGE INTO kapso_conversations (id, phone_number_id, contact, status, last_active_at, updated_at)
KEY (id)
VALUES (:#conversationId, :#phoneNumberId, :#contact, :#conversationStatus, :#lastActiveAt, CURRENT_TIMESTAMP)
