<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>FaultDrillDialog</name>
    <message>
        <source>Fault drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For administrators: make the listener answer webhooks wrongly on purpose, to watch the provider retry them and fall back to its email. Every drilled webhook is stored first, so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer &amp;500 (server error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do &amp;not answer (the provider times out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All webhooks &amp;for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPage</name>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the listener&apos;s address; the arrow lists each number&apos;s webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests handled per second over the last few seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop dri&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the fault drill now: every webhook is answered as usual again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only requests with these outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only requests for this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only requests for this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only requests received in this time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (inclusive, local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To (exclusive, local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageTimelineView</name>
    <message>
        <source>Select a request or a message to see its timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message timeline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(404) 555-9999 or +44 20 7946 0958</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PBX &amp;service id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service_id the PBX carrier sends with each webhook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zonitel &amp;client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>550e8400-e29b-41d4-a716-446655440000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The X-Client-Id used with the Zonitel webhook API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway &amp;device id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device_id the Android gateway sends with each message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SI&amp;M slot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway&apos;s SIM slot for this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Webhook URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://sms.example.com/webhooks/oncloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL configured at the provider for this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthorization header:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization value the provider sends, exactly as it arrives. Kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cle&amp;ar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the stored value from the keychain when saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook secre&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain, never in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fallback email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled: accept webhooks for this number and send from it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pat&amp;h token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For providers that send no credential: the provider posts to /webhooks/&lt;provider&gt;/&lt;token&gt;. Kept in the system keychain; the database keeps only its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new random token. It replaces the stored one when saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the new token to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rem&amp;ove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the token from the keychain when saving.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business 1000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monthly limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages a number on this plan may handle per billing cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outbound messages included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing &amp;cycle day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The day of the month a new billing cycle starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short months use their last day: with 31, the cycle starts on 30 April and on 28 or 29 February.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDetailPane</name>
    <message>
        <source>Select a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestWebhookDialog</name>
    <message>
        <source>Send test webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends a realistic webhook, in the number&apos;s provider&apos;s format, to the running listener, with the number&apos;s credentials from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sim %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the country code is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has too few digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has too many digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has the wrong number of digits for its region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is a local number: add the area code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is not an assigned number range in its region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database cannot use write-ahead logging (journal mode is %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::AndroidGatewayAdapter</name>
    <message>
        <source>Pending SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS taken by phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued for sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS Sent by Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS has been Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS was NOT Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS was not sent at all: generic failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS Not Sent - No Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS Not Sent - Null PDU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS Not Sent - Radio Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS Not Sent - NOT ALLOWED: the app was not granted permission to send SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payload has both &quot;address&quot; (an incoming SMS) and &quot;status_id&quot; (a delivery status): it must be one or the other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the payload is neither an incoming SMS (no field &quot;address&quot;) nor a delivery status (no field &quot;status_id&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;address&quot; must be an integer, as the gateway&apos;s document types it (got a string)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::Cli</name>
    <message>
        <source>smsdesk: unknown command &quot;%1&quot;: use numbers, plans or export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::CliCommand</name>
    <message>
        <source>The store: a SQLite file or postgresql://USER@HOST[:PORT]/NAME (default: the SQLite file in your data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region for numbers typed without a country code, such as US or GB (default: the setting phone/defaultRegion).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: table (default) or jsonl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (see smsdesk %1 --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: smsdesk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unexpected argument &quot;%2&quot; (see smsdesk %1 --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--region &quot;%1&quot; is not a known region: give a two-letter code such as US or GB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format &quot;%1&quot; is not known: use table or jsonl.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ConversationDialog</name>
    <message>
        <source>Conversation: %1 ↔ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>earlier ones not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newer ones not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1 is no longer stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1 is not part of this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages in this conversation.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ConversationView</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load earlier messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load newer messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the messages before these (click, Enter or Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the messages after these (click, Enter or Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our message, %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their message, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1 via %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed, error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::Database</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Qt SQL driver %1 is not installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot configure the database %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::DatabaseConfig</name>
    <message>
        <source>The database URL is not valid: use postgresql://USER@HOST[:PORT]/DATABASE.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ExportCommand</name>
    <message>
        <source>Writes every message, oldest first, one per line: JSON Lines or CSV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>jsonl (default) or csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to FILE (replaced only when the export is complete) instead of standard output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format &quot;%1&quot; is neither jsonl nor csv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>exported %n message(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::FaultDrillDialog</name>
    <message>
        <source>&amp;Start drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fault drill: every webhook is answered as usual.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>For %n minute(s), until %1, every webhook is stored, then answered 500: the provider will retry them and they will show as duplicates.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n minute(s), until %1, every webhook is stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n webhook(s) are stored, then answered 500: the provider will retry them and they will show as duplicates.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n webhook(s) are stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Refused requests keep their refusal; health checks are not drilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::FormFields</name>
    <message>
        <source>the form body has a broken %-escape at offset %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a field name at offset %1 is not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is not valid UTF-8 (decoded byte offset %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is given more than once</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::HeadlessMode</name>
    <message>
        <source>SMS Desk webhook listener without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file or postgresql://USER@HOST/NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1:8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages for numbers that are not provisioned: keep (default) or refuse (404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days the request log is kept (default 30; 0: forever).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::HttpServer</name>
    <message>
        <source>Cannot listen on %1: the port is already in use by another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: permission denied (ports below 1024 need administrator rights).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: the address does not belong to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::InspectorExports</name>
    <message>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;selection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the selected requests as JSON Lines (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export every request the filters let through as JSON Lines (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export selected requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the listed requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting requests… %n written</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::InspectorPage</name>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned (no such number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong content type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognised payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headers too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad HTTP request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store unavailable (503)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store failed (500)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain has no such entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain refused access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider (unknown path)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search path, headers and body (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected request as a curl command (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected request again to the running listener, with its number&apos;s credentials from the keychain, and show what it answers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the conversation of the selected request&apos;s message, with the message highlighted (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;test webhook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a webhook in a number&apos;s provider&apos;s format to the running listener (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault &amp;drill…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For administrators: make the listener answer webhooks with 500 or not at all, on purpose, to watch the provider retry and fall back (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Outcome: %n chosen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Show only requests with these outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number #%1 (deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any provider (recognised from the payload): %1/webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path token is kept in the keychain only, so it is not copied: the URL ends with &apos;/&apos; and the token goes after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the provider of %1 posts its webhooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No enabled numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listens on %1 once started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks are received at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listening (requests in flight are answered first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paused — %n new</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New requests are stored but not listed; click or press %1 to list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop listing new requests for a while (%1 or Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the requests: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests match the filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) listed, more below</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The listener is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the request as a curl command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting requests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault drill started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhooks are stored, then answered 500</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhooks are stored but not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Fault drill active&lt;/b&gt; — %1 (%2). The provider will retry them: the retries show as duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault &amp;drill (active)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying request #%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not replay request #%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is no longer stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not replay request #%1: the keychain did not give its number&apos;s credential (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test webhook for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not send a test webhook for %1: the keychain did not give its credential (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not make a test webhook for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no answer — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: HTTP %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(request #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1 stored no message: it has no timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the timeline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filters hid request #%1: they were cleared to show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request #%1 is further down the list; it is shown below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message #%1 is no longer stored: it has no conversation to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the conversation: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::JsonFieldReader</name>
    <message>
        <source>required field &quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be %2 (got %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an integer between %2 and %3 (got %4, out of range)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an integer (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an integer between %2 and %3 (got %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::KeychainSecretStore</name>
    <message>
        <source>No system keychain is available, so the secret was not saved (%1). Start a keychain service such as GNOME Keyring or KWallet and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access (%1). Unlock it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ListenerController</name>
    <message>
        <source>setting %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>setting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> takes keep or refuse, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> takes a number of days (0: keep forever)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ListenerService</name>
    <message>
        <source>&quot;%1&quot; is not HOST:PORT with a port from 0 (any free port) to 65535 (for example 127.0.0.1:8080)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (or localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the numbers could not be read from the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>listening on %1, beyond this machine, and %n number(s) have neither an expected Authorization header nor a path token, so anybody who can reach this address can post messages for them: %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::MainWindow</name>
    <message>
        <source>SMS Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About SMS Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SMS Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;SMS Desk %1&lt;/h3&gt;&lt;p&gt;Read, answer and administer SMS numbers on webhook providers.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener: running on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener: starting on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener: stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listener: not running — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault drill: answering 500, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault drill: not answering, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault drill active — SMS Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::MessageTimelineView</name>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no response recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered %1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen in a status report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status webhook again (a retry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1 (a retry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln more webhook request(s) not shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more status report(s) not shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not sent from this app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider time %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its webhook request is no longer in the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not change the status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its webhook request is not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>received between %1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request %1: click or press Enter to show it in the request list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of order: the provider&apos;s time of this report is earlier than that of a report received before it. The provider sent them out of order; the message&apos;s status stayed as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message&apos;s current status comes from this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Outbound message&lt;/b&gt; from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Inbound message&lt;/b&gt; from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;no text&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;&lt;span style=&quot;color:%1&quot;&gt;%2&lt;/span&gt;&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(error %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln webhook request(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln status report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the first and the last are shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::Migrations</name>
    <message>
        <source>its schema version cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its schema version is %1, newer than this version of SMS Desk understands (%2). Update SMS Desk; the database was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>migration %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberCsvImporter</name>
    <message>
        <source>A quoted field starts in this row and is never closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected text after a closing quote: inside a quoted field, write a quote as two quotes (&quot;&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A quote inside a field that does not start with one: put the whole field in quotes and write the quote as two quotes (&quot;&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not UTF-8 text: save it as CSV UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty: the first row names the columns, such as number,provider,label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; would put a secret in the file: name an environment variable that holds it in a %2 column instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A column has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown column &quot;%1&quot;: the columns are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The column &quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The header has no &quot;%1&quot; column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The row has %1 fields, the header %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 is also on line %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SIM slot is 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no plan with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the environment variable %2 is not set or is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 is already provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberDialog</name>
    <message>
        <source>Add number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://sms.example.com/webhooks/%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>will be removed from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set — leave empty to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, as it arrives: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it as you would dial it; it is stored in E.164 form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the fields marked above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set — Generate replaces it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — for providers that send no credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider posts to /webhooks/%1/&lt;token&gt;. Copy the token now: it is not shown again once the dialog closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberProvisioner</name>
    <message>
        <source>The number no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 is already provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number was deleted, but its keychain entries could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This path token is already used by %1: generate a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberRepository</name>
    <message>
        <source>The number %1 is already provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This path token is already used by %1: generate a new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberTableModel</name>
    <message>
        <source>set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook secret is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No webhook secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An expected Authorization value is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests are not checked for an Authorization header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider posts to a webhook path that ends in a secret token, stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumberValidator</name>
    <message>
        <source>number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>service id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full http:// or https:// URL, such as https://sms.example.com/webhooks/oncloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 only delivers to https:// URLs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email address such as support@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization value may contain printable ASCII characters only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Authorization value is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends &quot;%2&lt;token&gt;&quot;: enter the value exactly as it arrives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret may not contain line breaks or control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the label under %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The label may not contain line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a provider: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service id may not contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Zonitel client id is a UUID such as 550e8400-e29b-41d4-a716-446655440000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s device id: the gateway names the number by it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device id is a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SIM slot is 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A path token has %1 to %2 characters, only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumbersCommand</name>
    <message>
        <source>numbers: unknown command &quot;%1&quot;: use add, list, remove or import (see smsdesk numbers --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers: give a command: add, list, remove or import (see smsdesk numbers --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 is refused: a secret on the command line can be read by other users and stays in the shell history. Put it in an environment variable and pass its name with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number, as you would type it: +14045559999, (404) 555-9999.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label for people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS plan, by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL configured at the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the provider sends messages it cannot deliver.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PBX service id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zonitel client id (a UUID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Android gateway device id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Android gateway SIM slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable that holds the webhook secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable that holds the expected Authorization value, whole (Bearer abc…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the number disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers add: --%1 is required (see smsdesk numbers add --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sim &quot;%1&quot;: The SIM slot is 0 or 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 needs the name of an environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 %2: the environment variable %2 is not set or is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--plan &quot;%1&quot;: there is no plan with this name (see smsdesk plans list).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--number &quot;%1&quot;: %2 is already provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the numbers. Secrets are never shown: only whether the keychain holds one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NUMBER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PLAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ENABLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WEBHOOK URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVIDER IDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH HEADER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes a number and its keychain entries. Its messages stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number, typed any way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers remove: --number is required (see smsdesk numbers remove --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--number &quot;%1&quot;: %2 is not provisioned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds every number in a CSV file, or none. The header row names the columns: %1. Secrets are never in the file: secret_env and auth_header_env name environment variables that hold them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The CSV file (UTF-8, RFC 4180).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers import: give the CSV file (see smsdesk numbers import --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing imported: 1 row has an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing imported: %2 rows have errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: import stopped at line %2; these numbers were added and could not be taken back: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: nothing imported (stopped at line %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported 1 number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported %1 numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: smsdesk numbers add|list|remove|import [options]
Provisions numbers (DIDs) on webhook SMS providers.

Commands:
  add     --number N --provider P [--label L] [--plan NAME] [--webhook-url U]
          [--fallback-email E] [--service-id ID] [--client-id ID]
          [--device-id ID --sim 0|1] [--secret-env VAR] [--auth-header-env VAR]
          [--path-token-env VAR] [--disabled] [--region CC]
  list    [--format table|jsonl]
  remove  --number N [--region CC]
  import  FILE.csv [--region CC]

Every command takes --db PATH|postgresql://… and --help.
Secrets are never taken on the command line: --secret-env, --auth-header-env and
--path-token-env name environment variables that hold them; they are stored in the
system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a number. Secrets are read from the environment variables named by --secret-env, --auth-header-env and --path-token-env, and stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable that holds the webhook path token (the provider posts to /webhooks/PROVIDER/TOKEN): %1 to %2 letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 does not apply to provider %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--path-token-env %1: this path token is already used by %2; generate a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::NumbersPage</name>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected number (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected number (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter numbers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers yet. Press %1 to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the numbers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the selected number (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable the selected number (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the number %1?

Its webhook secret and Authorization value are removed from the keychain. Its messages are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the number: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::OnCloudAdapter</name>
    <message>
        <source>field &quot;event&quot; must be &quot;sms.inbound&quot; (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PayloadChecker</name>
    <message>
        <source>field &quot;%1&quot; must be a phone number: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a phone number, not a sender name (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a string in E.164 format, like &quot;+14045559999&quot; (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an http or https URL (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an ISO 8601 date-time with a UTC offset, like &quot;2026-02-13T14:30:00-05:00&quot; (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a date-time &quot;YYYY-MM-DD HH:MM:SS&quot; (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be an epoch time in whole seconds, like &quot;1576391654&quot; (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a UUID, like &quot;297abf7f-99d9-4b7d-9c46-1d7c13687b11&quot; (got %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PayloadDecoder</name>
    <message>
        <source>the Content-Type header is missing: expected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type %1 is not accepted: expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>charset %1 is not accepted: expected UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is empty: expected a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body is not valid UTF-8 (byte offset %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at offset %1: a \u escape is half of a surrogate pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body must be a JSON object, not an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the body must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PbxAdapter</name>
    <message>
        <source>required field &quot;%1&quot; is missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PhoneNumber</name>
    <message>
        <source>Enter a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid number: the country code is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no country code: start with + or set the default region.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid number: it has too few digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid number: it has too many digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid number: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sender name has at most %1 characters, this one has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a sender name cannot contain control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: unexpected character &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: it has no digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: it has %2 digits, at most %3 are possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: a country code cannot start with 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a phone number: it has too few digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a possible number with its leading digits as the country code, and no region is known to read it in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a possible number, neither with its leading digits as the country code nor in region %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlanDialog</name>
    <message>
        <source>Add plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit plan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlanProvisioner</name>
    <message>
        <source>The plan no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlanRepository</name>
    <message>
        <source>A plan named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlanTableModel</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months shorter than %1 days start the cycle on their last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlanValidator</name>
    <message>
        <source>Give the plan a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the name under %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The monthly limit is a number of messages from 1 to %L1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The billing cycle starts on a day from 1 to 31 (short months use their last day).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlansCommand</name>
    <message>
        <source>plans: unknown command &quot;%1&quot;: use add or list (see smsdesk plans --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plans: give a command: add or list (see smsdesk plans --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: smsdesk plans add|list [options]
SMS plans: a monthly message limit per number, outbound included or not, the billing-cycle day.

Commands:
  add   --name N --monthly-limit K [--no-outbound] [--inactive] [--cycle-day D]
  list  [--format table|jsonl]

Every command takes --db PATH|postgresql://… and --help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds an SMS plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan&apos;s name (unique).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per number per billing cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound messages are not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the plan as inactive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the month the billing cycle starts (1-31, default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plans add: --name is required (see smsdesk plans add --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plans add: --monthly-limit is required (see smsdesk plans add --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--monthly-limit &quot;%1&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--cycle-day &quot;%1&quot; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name: a plan named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added plan &quot;%1&quot; (%2 messages a month)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the SMS plans and how many numbers are on each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MONTHLY LIMIT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OUTBOUND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CYCLE DAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NUMBERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::PlansPage</name>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No plans yet. Press %1 to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers on this plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a plan (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected plan (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected plan (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the plans: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a plan to see its numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers on this plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the plan &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No numbers are on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number on it will have no plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 numbers on it will have no plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the plan: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ProviderRegistry</name>
    <message>
        <source>unrecognised payload: the body matches none of the providers&apos; webhook formats (%1); post to /webhooks/&lt;provider&gt; to be told what is wrong with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ambiguous payload: it matches the webhook formats of %1; post to /webhooks/&lt;provider&gt; instead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::RequestDetailPane</name>
    <message>
        <source>(empty body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1, received %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, provider %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets are never stored: the value was redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not UTF-8, shown as Latin-1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body: %1 bytes, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of the %2 bytes received are shown: the rest was not stored (cut at the body limit) or not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The raw view shows the first %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request names no provider and none recognises its body: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised as %1 by its body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 adapter refuses this request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request holds no message and no status report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in the payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (local)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound message%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound message with media%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound: to one of our numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (sender name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1, SIM %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dedupe key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone&apos;s SMS id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status report%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound: a report on a message we sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the provider says &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider&apos;s words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is incomplete, so this reading may differ from the original.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read again now by the %1 adapter from the logged request. Numbers are not matched to provisioned ones and credentials are not checked here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No latency recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, answered HTTP %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reason was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate: already stored before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored without a number (unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: wrong or missing credentials (Authorization or path token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the number is not provisioned here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: no webhook at this path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: method not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the body is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the headers are too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the client was too slow (timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: not a valid HTTP request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: an HTTP feature that is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the store could not take it (try again later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the store refused the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: the expected credential could not be read from the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault drill: stored, then answered 500</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault drill: stored, then not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: the payload is malformed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: wrong Content-Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: a value is not acceptable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: no provider recognises the payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: more than one provider recognises the payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From → To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::TestWebhookDialog</name>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no enabled number to send a test webhook for: add one on the Numbers page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status report (on a message we sent)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::WebhookListener</name>
    <message>
        <source>no webhook at %1: the paths are /webhooks/&lt;provider&gt;[/&lt;token&gt;] with provider one of %2, and /webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no webhook at %1: post to /webhooks/&lt;provider&gt; or /webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method %1 is not allowed here: webhooks are POSTed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>method %1 is not allowed here: use GET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store does not accept writes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the listener is still loading its numbers; retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the request holds no message and no status report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text holds a NUL character, which cannot be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path token is not the one of any enabled %1 number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device %1 SIM %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path token belongs to %1, but the request is for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an enabled %2 number here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes webhooks only at its path with token (/webhooks/%2/&lt;token&gt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the expected Authorization value of %1 cannot be read from the keychain right now (%2); try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Authorization header is not the one configured for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 requires an Authorization header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored in the unassigned inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault drill: answered 500 on purpose; the webhook was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault drill: not answered on purpose; the webhook was %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused the data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store cannot take it now: %1; retry later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>smsdesk::ZonitelAdapter</name>
    <message>
        <source>field &quot;data.direction&quot; must be &quot;inbound&quot; or &quot;outbound&quot; (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;status&quot; must be &quot;received&quot; for an inbound message (got %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
