-- wrk script: keep-alive onCloud webhooks (sms.inbound JSON, the document's shape), each one a
-- distinct message (a per-thread counter in the text), so the listener stores every request
-- instead of answering duplicates. nginx gets exactly the same requests.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

-- args[1]: a prefix that makes this run's messages distinct from every other run's.
local prefix = "run"
function init(args)
    thread_id = id
    if args[1] then prefix = args[1] end
end

local headers = { ["Content-Type"] = "application/json" }

function request()
    counter = counter + 1
    local body = string.format(
        '{"event":"sms.inbound","from":"+17705551234","to":"+14045559999",' ..
        '"text":"Benchmark message %s-%d-%d","media":[],"timestamp":"2026-02-13T14:30:00-05:00"}',
        prefix, thread_id, counter)
    return wrk.format("POST", "/webhooks/oncloud", headers, body)
end
