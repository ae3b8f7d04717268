-- statuses never go backwards: a late 'delivered' cannot overwrite 'read'
MERGE INTO kapso_messages t
USING (SELECT CAST(:#wamid AS VARCHAR(200)) AS wamid, CAST(:#direction AS VARCHAR(10)) AS direction,
              CAST(:#phoneNumberId AS VARCHAR(40)) AS phone_number_id, CAST(:#conversationId AS VARCHAR(64)) AS conversation_id,
              CAST(:#contact AS VARCHAR(40)) AS contact, CAST(:#messageType AS VARCHAR(40)) AS message_type,
              CAST(:#text AS VARCHAR(4096)) AS text_content, CAST(:#status AS VARCHAR(20)) AS status) s
ON t.wamid = s.wamid
WHEN MATCHED AND CASE s.status WHEN 'failed' THEN 5 WHEN 'read' THEN 4 WHEN 'delivered' THEN 3 WHEN 'sent' THEN 2 ELSE 1 END
               >= CASE t.status WHEN 'failed' THEN 5 WHEN 'read' THEN 4 WHEN 'delivered' THEN 3 WHEN 'sent' THEN 2 ELSE 1 END
    THEN UPDATE SET status = s.status, updated_at = CURRENT_TIMESTAMP
WHEN NOT MATCHED
    THEN INSERT (wamid, direction, phone_number_id, conversation_id, contact, message_type, text_content, status, updated_at)
         VALUES (s.wamid, s.direction, s.phone_number_id, s.conversation_id, s.contact, s.message_type, s.text_content,
                 s.status, CURRENT_TIMESTAMP)
