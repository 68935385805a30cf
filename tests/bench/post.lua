-- wrk script: small keep-alive JSON POSTs like an onCloud webhook.
wrk.method = "POST"
wrk.body = '{"event":"sms.inbound","from":"+17705551234","text":"Hi"}'
wrk.headers["Content-Type"] = "application/json"
