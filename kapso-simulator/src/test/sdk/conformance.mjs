// Runs the official Kapso TypeScript SDK (@kapso/whatsapp-cloud-api, unmodified) against a Kapso simulator.
//
// Environment:
//   KAPSO_SIM_BASE_URL     the simulator's base URL, e.g. http://127.0.0.1:8090 (required)
//   KAPSO_SIM_API_KEY      the project API key (required)
//   KAPSO_SIM_PHONE_NUMBER_ID, KAPSO_SIM_BUSINESS_ACCOUNT_ID   the seeded number and WABA (simulator defaults)
//
// Prints one JSON line per check, {"name", "ok", "detail"}, then "N passed, M failed"; exits 1 on any failure.

import {
  WhatsAppClient,
  buildKapsoFields,
  buildTemplateSendPayload,
} from "@kapso/whatsapp-cloud-api";

const base = required("KAPSO_SIM_BASE_URL").replace(/\/+$/, "");
const apiKey = required("KAPSO_SIM_API_KEY");
const phoneNumberId = process.env.KAPSO_SIM_PHONE_NUMBER_ID || "106540352242922";
const businessAccountId = process.env.KAPSO_SIM_BUSINESS_ACCOUNT_ID || "102290129340398";

// A customer number unique to this run, so checks see only what this run created.
const customer = "1555" + String(Date.now() % 10_000_000).padStart(7, "0");
const customerName = "Conformance Customer";

const client = new WhatsAppClient({ baseUrl: `${base}/meta/whatsapp`, kapsoApiKey: apiKey });

const results = [];
const state = {};

async function check(name, body) {
  let ok = false;
  let detail;
  try {
    detail = (await body()) ?? "ok";
    ok = true;
  } catch (error) {
    detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (error?.httpStatus !== undefined) {
      detail += ` (HTTP ${error.httpStatus}, code ${error.code}${error.details ? `, details: ${error.details}` : ""})`;
    }
  }
  results.push({ name, ok });
  console.log(JSON.stringify({ name, ok, detail }));
}

function required(variable) {
  const value = process.env[variable];
  if (!value) {
    console.error(`${variable} is not set`);
    process.exit(2);
  }
  return value;
}

function expect(condition, message, value) {
  if (!condition) {
    const shown = value === undefined ? "" : ` (got ${JSON.stringify(value)?.slice(0, 600)})`;
    throw new Error(message + shown);
  }
}

/** A send answered as Meta answers it: {messagingProduct, contacts[{input, waId}], messages[{id}]}. */
function expectSent(response) {
  expect(response?.messagingProduct === "whatsapp", "messagingProduct must be whatsapp", response);
  expect(Array.isArray(response.contacts) && response.contacts[0]?.input === customer,
    "contacts[0].input must echo the recipient", response);
  expect(response.contacts[0].waId === customer, "contacts[0].waId must be the recipient's WhatsApp id", response);
  const id = response.messages?.[0]?.id;
  expect(typeof id === "string" && id.startsWith("wamid."), "messages[0].id must be a wamid", response);
  return id;
}

function expectPage(page) {
  expect(Array.isArray(page?.data), "data must be an array", page);
  expect(page.paging && typeof page.paging.cursors === "object", "paging.cursors must be present", page);
}

async function injectInboundText(text) {
  const response = await fetch(`${base}/_sim/inbound/text`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ from: customer, name: customerName, text }),
  });
  const body = await response.text();
  expect(response.status === 201, `POST /_sim/inbound/text answered ${response.status}`, body);
  return JSON.parse(body).data;
}

// A 1x1 transparent PNG.
const PNG = Uint8Array.from(Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));

await check("send text", async () => {
  const inbound = await injectInboundText("Hello, is my order on its way?");
  state.inboundId = inbound.id;
  const response = await client.messages.sendText({ phoneNumberId, to: customer, body: "Yes, it ships today." });
  state.textId = expectSent(response);
  return `sent ${state.textId} after inbound ${inbound.id}`;
});

await check("send image", async () => {
  const response = await client.messages.sendImage({
    phoneNumberId, to: customer, image: { link: "https://example.com/photo.jpg", caption: "Your parcel" },
  });
  return `sent ${expectSent(response)}`;
});

await check("send template", async () => {
  const template = buildTemplateSendPayload({
    name: "order_update",
    language: "en_US",
    body: [{ type: "text", text: "Ann" }, { type: "text", text: "A-1001" }],
  });
  const response = await client.messages.sendTemplate({ phoneNumberId, to: customer, template });
  return `sent ${expectSent(response)}`;
});

await check("send interactive buttons", async () => {
  const response = await client.messages.sendInteractiveButtons({
    phoneNumberId,
    to: customer,
    bodyText: "Was the delivery on time?",
    footerText: "Tap one",
    buttons: [{ id: "yes", title: "Yes" }, { id: "no", title: "No" }],
  });
  return `sent ${expectSent(response)}`;
});

await check("mark read", async () => {
  expect(state.inboundId, "needs the inbound message of 'send text'");
  const response = await client.messages.markRead({ phoneNumberId, messageId: state.inboundId });
  expect(response?.success === true, "markRead must answer {success: true}", response);
  return `marked ${state.inboundId} read`;
});

await check("list messages with Kapso fields", async () => {
  expect(state.textId, "needs the text message of 'send text'");
  const fields = buildKapsoFields();
  const page = await client.messages.query({ phoneNumberId, fields, limit: 50 });
  expectPage(page);
  const sent = page.data.find((m) => m.id === state.textId);
  expect(sent, `the sent text ${state.textId} must be listed`, page.data.map((m) => m.id));
  expect(sent.type === "text" && sent.text?.body === "Yes, it ships today.", "the listed text must keep its body", sent);
  expect(typeof sent.timestamp === "string", "timestamp must be a string", sent);
  expect(sent.kapso?.direction === "outbound", "kapso.direction must be outbound", sent);
  expect(typeof sent.kapso?.status === "string", "kapso.status must be present", sent);
  expect(typeof sent.kapso?.whatsappConversationId === "string", "kapso.whatsappConversationId must be present", sent);
  const inbound = page.data.find((m) => m.id === state.inboundId);
  expect(inbound, `the inbound message ${state.inboundId} must be listed`, page.data.map((m) => m.id));
  expect(inbound.from === customer && inbound.kapso?.direction === "inbound", "the inbound message must come from the customer", inbound);
  state.conversationId = sent.kapso.whatsappConversationId;
  return `${page.data.length} messages, fields=${fields}`;
});

await check("list conversations", async () => {
  const page = await client.conversations.list({ phoneNumberId, limit: 50 });
  expectPage(page);
  const mine = page.data.find((c) => c.phoneNumber?.replace(/\D/g, "") === customer);
  expect(mine, `a conversation with ${customer} must be listed`, page.data.map((c) => c.phoneNumber));
  expect(typeof mine.id === "string" && mine.status === "active", "the conversation must be active with an id", mine);
  if (state.conversationId) {
    expect(mine.id === state.conversationId, "the conversation must be the one the messages name", mine);
  }
  return `${page.data.length} conversations, ${customer}'s is ${mine.id}`;
});

await check("list contacts", async () => {
  const page = await client.contacts.list({ phoneNumberId, limit: 50 });
  expectPage(page);
  const mine = page.data.find((c) => c.waId === customer);
  expect(mine, `contact ${customer} must be listed`, page.data.map((c) => c.waId));
  expect(typeof mine.id === "string", "the contact must have an id", mine);
  expect(mine.profileName === customerName, "the contact must keep the customer's profile name", mine);
  return `${page.data.length} contacts`;
});

await check("list templates", async () => {
  const page = await client.templates.list({ businessAccountId, limit: 50 });
  expectPage(page);
  const template = page.data.find((t) => t.name === "order_update" && t.language === "en_US");
  expect(template, "order_update (en_US) must be listed", page.data.map((t) => t.name));
  expect(typeof template.id === "string" && template.status === "APPROVED", "order_update must be APPROVED with an id", template);
  expect(Array.isArray(template.components) && template.components.some((c) => c.type === "BODY"),
    "order_update must have a BODY component", template);
  return `${page.data.length} templates`;
});

await check("upload media", async () => {
  const uploaded = await client.media.upload({
    phoneNumberId, type: "image", file: new Blob([PNG], { type: "image/png" }), fileName: "pixel.png",
  });
  expect(typeof uploaded?.id === "string" && uploaded.id.length > 0, "upload must answer {id}", uploaded);
  const metadata = await client.media.get({ mediaId: uploaded.id, phoneNumberId });
  expect(metadata?.id === uploaded.id, "media metadata must carry the id", metadata);
  expect(metadata.mimeType === "image/png", "media metadata must carry mimeType image/png", metadata);
  expect(String(metadata.fileSize) === String(PNG.length), `media metadata fileSize must be ${PNG.length}`, metadata);
  expect(typeof metadata.url === "string" && typeof metadata.sha256 === "string", "media metadata must carry url and sha256", metadata);
  return `uploaded ${uploaded.id}`;
});

await check("get phone number", async () => {
  const phone = await client.request("GET", phoneNumberId, { responseType: "json" });
  expect(phone?.id === phoneNumberId, "the phone number must carry its id", phone);
  expect(typeof phone.displayPhoneNumber === "string" && typeof phone.verifiedName === "string",
    "the phone number must carry displayPhoneNumber and verifiedName", phone);
  return `${phone.displayPhoneNumber} (${phone.verifiedName})`;
});

const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
