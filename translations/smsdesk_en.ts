<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>smsdesk::ComposeText</name>
    <message numerus="yes">
        <source>%1 / %2 · %n day(s) left</source>
        <translation>
            <numerusform>%1 / %2 · %n day left</numerusform>
            <numerusform>%1 / %2 · %n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ContactActions</name>
    <message numerus="yes">
        <source>%n contact(s) imported.</source>
        <translation>
            <numerusform>%n contact imported.</numerusform>
            <numerusform>%n contacts imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ContactImportDialog</name>
    <message numerus="yes">
        <source>%1: %n name(s) to import</source>
        <translation>
            <numerusform>%1: %n name to import</numerusform>
            <numerusform>%1: %n names to import</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n skipped.</source>
        <translation>
            <numerusform>, %n skipped.</numerusform>
            <numerusform>, %n skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ConversationExports</name>
    <message numerus="yes">
        <source>Exporting messages… %n written</source>
        <translation>
            <numerusform>Exporting messages… %n written</numerusform>
            <numerusform>Exporting messages… %n written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>Exported %n message to %1</numerusform>
            <numerusform>Exported %n messages to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n opt-out(s) to %1</source>
        <translation>
            <numerusform>Exported %n opt-out to %1</numerusform>
            <numerusform>Exported %n opt-outs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ConversationText</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ConversationsPage</name>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n message found</numerusform>
            <numerusform>%n messages found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found, more below</source>
        <translation>
            <numerusform>%n message found, more below</numerusform>
            <numerusform>%n messages found, more below</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::DashboardText</name>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ExportCommand</name>
    <message numerus="yes">
        <source>exported %n message(s) to %1</source>
        <translation>
            <numerusform>exported %n message to %1</numerusform>
            <numerusform>exported %n messages to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>exported %n opt-out(s) to %1</source>
        <translation>
            <numerusform>exported %n opt-out to %1</numerusform>
            <numerusform>exported %n opt-outs to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::FailureText</name>
    <message numerus="yes">
        <source>Retried %n.</source>
        <translation>
            <numerusform>Retried %n.</numerusform>
            <numerusform>Retried %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n that a retry cannot fix: </source>
        <translation>
            <numerusform>Skipped %n that a retry cannot fix: </numerusform>
            <numerusform>Skipped %n that a retry cannot fix: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be queued again.</source>
        <translation>
            <numerusform>%n could not be queued again.</numerusform>
            <numerusform>%n could not be queued again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::FailuresPage</name>
    <message numerus="yes">
        <source>%n unresolved</source>
        <translation>
            <numerusform>%n unresolved</numerusform>
            <numerusform>%n unresolved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failures selected: %n.</source>
        <translation>
            <numerusform>Failures selected: %n.</numerusform>
            <numerusform>Failures selected: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n marked resolved by %1.</source>
        <translation>
            <numerusform>%n marked resolved by %1.</numerusform>
            <numerusform>%n marked resolved by %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported to %1 (failures: %n).</source>
        <translation>
            <numerusform>Exported to %1 (failures: %n).</numerusform>
            <numerusform>Exported to %1 (failures: %n).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::FaultDrillDialog</name>
    <message numerus="yes">
        <source>For %n minute(s), until %1, every webhook is stored, then answered 500: the provider will retry them and they will show as duplicates.</source>
        <translation>
            <numerusform>For %n minute, until %1, every webhook is stored, then answered 500: the provider will retry them and they will show as duplicates.</numerusform>
            <numerusform>For %n minutes, until %1, every webhook is stored, then answered 500: the provider will retry them and they will show as duplicates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n minute(s), until %1, every webhook is stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</source>
        <translation>
            <numerusform>For %n minute, until %1, every webhook is stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</numerusform>
            <numerusform>For %n minutes, until %1, every webhook is stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n webhook(s) are stored, then answered 500: the provider will retry them and they will show as duplicates.</source>
        <translation>
            <numerusform>The next webhook is stored, then answered 500: the provider will retry it and it will show as a duplicate.</numerusform>
            <numerusform>The next %n webhooks are stored, then answered 500: the provider will retry them and they will show as duplicates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next %n webhook(s) are stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</source>
        <translation>
            <numerusform>The next webhook is stored but not answered: the provider will time out, retry it (it will show as a duplicate) and may fall back to its email.</numerusform>
            <numerusform>The next %n webhooks are stored but not answered: the provider will time out, retry them (they will show as duplicates) and may fall back to its email.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s) left</source>
        <translation>
            <numerusform>%n webhook left</numerusform>
            <numerusform>%n webhooks left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::InspectorExports</name>
    <message numerus="yes">
        <source>Exporting requests… %n written</source>
        <translation>
            <numerusform>Exporting requests… %n written</numerusform>
            <numerusform>Exporting requests… %n written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n request(s) to %1</source>
        <translation>
            <numerusform>Exported %n request to %1</numerusform>
            <numerusform>Exported %n requests to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::InspectorFilterBar</name>
    <message numerus="yes">
        <source>Outcome: %n chosen</source>
        <translation>
            <numerusform>Outcome: %n chosen</numerusform>
            <numerusform>Outcome: %n chosen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::InspectorPage</name>
    <message numerus="yes">
        <source>Paused — %n new</source>
        <translation>
            <numerusform>Paused — %n new</numerusform>
            <numerusform>Paused — %n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) listed, more below</source>
        <translation>
            <numerusform>%n request listed, more below</numerusform>
            <numerusform>%n requests listed, more below</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) listed, newer ones above</source>
        <translation>
            <numerusform>%n request listed, newer ones above</numerusform>
            <numerusform>%n requests listed, newer ones above</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) listed, more above and below</source>
        <translation>
            <numerusform>%n request listed, more above and below</numerusform>
            <numerusform>%n requests listed, more above and below</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::ListenerService</name>
    <message numerus="yes">
        <source>listening on %1, beyond this machine, and %n number(s) have neither an expected Authorization header nor a path token, so anybody who can reach this address can post messages for them: %2</source>
        <translation>
            <numerusform>listening on %1, beyond this machine, and %n number has neither an expected Authorization header nor a path token, so anybody who can reach this address can post messages for it: %2</numerusform>
            <numerusform>listening on %1, beyond this machine, and %n numbers have neither an expected Authorization header nor a path token, so anybody who can reach this address can post messages for them: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) have neither an expected Authorization header nor a path token, so anything that can reach %1 (this machine, or a tunnel or reverse proxy in front of it) can post messages for them: %2</source>
        <translation>
            <numerusform>%n number has neither an expected Authorization header nor a path token, so anything that can reach %1 (this machine, or a tunnel or reverse proxy in front of it) can post messages for it: %2</numerusform>
            <numerusform>%n numbers have neither an expected Authorization header nor a path token, so anything that can reach %1 (this machine, or a tunnel or reverse proxy in front of it) can post messages for them: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::MessageTimelineModel</name>
    <message numerus="yes">
        <source>%Ln more webhook request(s) not shown</source>
        <translation>
            <numerusform>%Ln more webhook request not shown</numerusform>
            <numerusform>%Ln more webhook requests not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln more status report(s) not shown</source>
        <translation>
            <numerusform>%Ln more status report not shown</numerusform>
            <numerusform>%Ln more status reports not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::MessageTimelineView</name>
    <message numerus="yes">
        <source>%Ln webhook request(s)</source>
        <translation>
            <numerusform>%Ln webhook request</numerusform>
            <numerusform>%Ln webhook requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln status report(s)</source>
        <translation>
            <numerusform>%Ln status report</numerusform>
            <numerusform>%Ln status reports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::NotificationPolicy</name>
    <message numerus="yes">
        <source>%n picture(s) or file(s)</source>
        <translation>
            <numerusform>%n picture or file</numerusform>
            <numerusform>%n pictures or files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conversation(s) with new messages</source>
        <translation>
            <numerusform>%n conversation with new messages</numerusform>
            <numerusform>%n conversations with new messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>SMS Desk: %n unread message(s)</source>
        <translation>
            <numerusform>SMS Desk: %n unread message</numerusform>
            <numerusform>SMS Desk: %n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::Outbox</name>
    <message numerus="yes">
        <source>The message could not be sent after %n attempt(s).</source>
        <translation>
            <numerusform>The message could not be sent after %n attempt.</numerusform>
            <numerusform>The message could not be sent after %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::RequestRateChart</name>
    <message numerus="yes">
        <source>Requests per second over the last %n minute(s), at most %1</source>
        <translation>
            <numerusform>Requests per second over the last %n minute, at most %1</numerusform>
            <numerusform>Requests per second over the last %n minutes, at most %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smsdesk::SendMessageText</name>
    <message numerus="yes">
        <source>Plan %1: %2 of %3 messages used (%4 %) · %5 · %n day(s) left</source>
        <translation>
            <numerusform>Plan %1: %2 of %3 messages used (%4 %) · %5 · %n day left</numerusform>
            <numerusform>Plan %1: %2 of %3 messages used (%4 %) · %5 · %n days left</numerusform>
        </translation>
    </message>
</context>
</TS>
