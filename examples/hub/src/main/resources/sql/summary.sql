SELECT
    (SELECT COUNT(*) FROM kapso_events) AS events,
    (SELECT COUNT(*) FROM kapso_messages WHERE direction = 'inbound') AS inbound,
    (SELECT COUNT(*) FROM kapso_messages WHERE direction = 'outbound') AS outbound,
    (SELECT COUNT(*) FROM kapso_messages WHERE direction = 'outbound' AND status = 'read') AS read_outbound,
    (SELECT COUNT(*) FROM kapso_messages WHERE status = 'failed') AS failed,
    (SELECT COUNT(*) FROM kapso_conversations) AS conversations
