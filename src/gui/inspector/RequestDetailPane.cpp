#include "RequestDetailPane.h"

#include "RequestBodyText.h"
#include "RequestLogModel.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"
#include "providers/ProviderCatalog.h"
#include "providers/ProviderRegistry.h"
#include "store/RequestLogRow.h"
#include "ui_RequestDetailPane.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHeaderView>
#include <QHostAddress>
#include <QLocale>
#include <QTableWidgetItem>
#include <QTextBrowser>
#include <QUrl>
#include <variant>

namespace smsdesk {

namespace {

QByteArray contentTypeOf(const RequestLogEntry& entry)
{
    for (const RequestLogEntry::Header& header : entry.headers) {
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString utcText(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString localText(const QDateTime& time, bool withMs = false)
{
    return time.toLocalTime().toString(withMs ? QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t")
                                              : QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

// The request as the listener handed it to the adapter (WebhookListener::handleRequest).
HttpRequest requestOf(const RequestLogEntry& entry)
{
    HttpRequest request;
    request.method = entry.method.toLatin1();
    request.target = entry.target.toLatin1();
    request.headers = entry.headers;
    request.body = entry.body;
    request.receivedAtMs = entry.receivedAtMs;
    const qsizetype colon = entry.peer.lastIndexOf(QLatin1Char(':'));
    if (colon > 0) {
        QString host = entry.peer.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        request.peerAddress = QHostAddress(host);
        request.peerPort = entry.peer.mid(colon + 1).toUShort();
    }
    return request;
}

QString providerName(const QString& id)
{
    const ProviderCatalog::Info* info = ProviderCatalog::find(id);
    return info ? info->displayName : id;
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// One row of a parsed event's table; `value` is HTML.
QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td valign=\"top\"><span class=\"label\">%1</span></td>"
                          "<td>%2</td></tr>")
        .arg(esc(label), value);
}

QString textRow(const QString& label, const QString& value)
{
    return row(label, esc(value));
}

} // namespace

RequestDetailPane::RequestDetailPane(const ProviderRegistry& providers, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::RequestDetailPane>()), m_providers(providers)
{
    m_ui->setupUi(this);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QWidget* widget :
         {static_cast<QWidget*>(m_ui->requestLineLabel), static_cast<QWidget*>(m_ui->headersTable),
          static_cast<QWidget*>(m_ui->bodyText), static_cast<QWidget*>(m_ui->formTable),
          static_cast<QWidget*>(m_ui->rawText), static_cast<QWidget*>(m_ui->responseBodyText)})
        widget->setFont(fixed);
    // Request data is never read as rich text.
    for (QLabel* label : {m_ui->requestLineLabel, m_ui->requestMetaLabel, m_ui->bodyTitleLabel,
                          m_ui->bodyNoteLabel, m_ui->responseStatusLabel, m_ui->latencyLabel,
                          m_ui->outcomeTitleLabel, m_ui->outcomeCodeLabel, m_ui->reasonLabel})
        label->setTextFormat(Qt::PlainText);

    QFont lineFont = fixed;
    lineFont.setBold(true);
    m_ui->requestLineLabel->setFont(lineFont);
    QFont statusFont = font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.3);
    m_ui->responseStatusLabel->setFont(statusFont);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    m_ui->outcomeTitleLabel->setFont(titleFont);
    QFont reasonFont = font();
    reasonFont.setPointSizeF(reasonFont.pointSizeF() * 1.35);
    m_ui->reasonLabel->setFont(reasonFont);
    QFont placeholderFont = font();
    placeholderFont.setPointSizeF(placeholderFont.pointSizeF() * 1.2);
    m_ui->placeholderLabel->setFont(placeholderFont);

    QPalette muted = m_ui->placeholderLabel->palette();
    muted.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_ui->placeholderLabel->setPalette(muted);
    m_ui->requestMetaLabel->setPalette(muted);
    m_ui->outcomeCodeLabel->setPalette(muted);
    m_ui->latencyLabel->setPalette(muted);

    for (QTableWidget* table : {m_ui->headersTable, m_ui->formTable}) {
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    // The headers get the height they need (fitSplitter()), the body what grows.
    m_ui->requestSplitter->setStretchFactor(0, 0);
    m_ui->requestSplitter->setStretchFactor(1, 1);
    connect(m_ui->requestSplitter, &QSplitter::splitterMoved, this,
            [this] { m_splitterMoved = true; });
    m_ui->bodyText->setPlaceholderText(tr("(empty body)"));
    m_ui->responseBodyText->setPlaceholderText(tr("(empty)"));
    m_ui->tabs->setTabText(RequestTab, tr("Request"));
    m_ui->tabs->setTabText(ParsedTab, tr("Parsed"));
    m_ui->tabs->setTabText(ResponseTab, tr("Response"));
    m_ui->tabs->setTabText(ReasonTab, tr("Reason"));
    // The Parsed tab's one link opens the conversation here; nothing is opened as a URL.
    m_ui->parsedView->setOpenLinks(false);
    m_ui->parsedView->setOpenExternalLinks(false);
    connect(m_ui->parsedView, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        if (url.toString() == conversationHref() && m_entry && m_entry->messageId > 0)
            Q_EMIT conversationRequested(m_entry->messageId);
    });
    clear();
}

RequestDetailPane::~RequestDetailPane() = default;

void RequestDetailPane::setDefaultRegion(const QString& region)
{
    m_defaultRegion = region;
    if (m_entry)
        showParsed(*m_entry);
}

void RequestDetailPane::clear()
{
    m_entry.reset();
    m_ui->placeholderLabel->setText(tr("Select a request"));
    m_ui->stack->setCurrentWidget(m_ui->placeholderPage);
    m_ui->headersTable->setRowCount(0);
    m_ui->formTable->setRowCount(0);
    m_ui->bodyText->clear();
    m_ui->rawText->clear();
    m_ui->parsedView->clear();
    m_ui->responseBodyText->clear();
}

void RequestDetailPane::setEntry(const RequestLogEntry& entry)
{
    m_entry = entry;
    showRequest(entry);
    showParsed(entry);
    showResponse(entry);
    showReason(entry);
    m_ui->stack->setCurrentWidget(m_ui->detailPage);
}

void RequestDetailPane::showRequest(const RequestLogEntry& entry)
{
    m_ui->requestLineLabel->setText(entry.method + QLatin1Char(' ') + entry.target);
    const QDateTime received = QDateTime::fromMSecsSinceEpoch(entry.receivedAtMs, Qt::UTC);
    QString meta = tr("from %1, received %2").arg(entry.peer, localText(received, true));
    if (!entry.provider.isEmpty())
        meta += tr(", provider %1").arg(providerName(entry.provider));
    m_ui->requestMetaLabel->setText(meta);

    QTableWidget* table = m_ui->headersTable;
    table->setRowCount(0);
    table->setRowCount(int(entry.headers.size()));
    for (int i = 0; i < entry.headers.size(); ++i) {
        const RequestLogEntry::Header& header = entry.headers.at(i);
        const bool secret = RequestLogRow::isSecretHeader(header.first);
        auto* name = new QTableWidgetItem(QString::fromLatin1(header.first));
        auto* value =
            new QTableWidgetItem(secret ? QString::fromLatin1(RequestLogRow::RedactedValue)
                                        : RequestBodyText::headerText(header.second));
        if (secret) {
            QFont italic = value->font();
            italic.setItalic(true);
            value->setFont(italic);
            value->setToolTip(tr("Secrets are never stored: the value was redacted"));
        }
        table->setItem(i, 0, name);
        table->setItem(i, 1, value);
    }
    m_ui->headersTitleLabel->setText(tr("Headers (%1)").arg(entry.headers.size()));
    showBody(entry);
    fitSplitter();
}

void RequestDetailPane::fitSplitter()
{
    if (m_splitterMoved) // the user's choice stays
        return;
    QTableWidget* table = m_ui->headersTable;
    table->resizeRowsToContents();
    int rows = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        rows += table->rowHeight(row);
    const int spacing = std::max(0, m_ui->headersBox->layout()->spacing());
    const int wanted = m_ui->headersTitleLabel->sizeHint().height() + spacing +
                       table->horizontalHeader()->sizeHint().height() + rows +
                       2 * table->frameWidth() + 2;
    const int total = std::max(m_ui->requestSplitter->height(), 400);
    const int headers = std::min(wanted, total * 45 / 100);
    m_ui->requestSplitter->setSizes({headers, std::max(total - headers, 1)});
}

void RequestDetailPane::showBody(const RequestLogEntry& entry)
{
    using Kind = RequestBodyText::Kind;
    const QByteArray& body = entry.body;
    const QLocale locale;
    QString kind;
    QString tabTitle = tr("Text");
    m_ui->formTable->setRowCount(0);
    m_ui->bodyStack->setCurrentWidget(m_ui->bodyText);
    switch (RequestBodyText::kindOf(body, contentTypeOf(entry))) {
    case Kind::Empty:
        kind = tr("empty");
        m_ui->bodyText->setPlainText(QString());
        break;
    case Kind::FormFields: {
        kind = tr("form fields");
        tabTitle = tr("Form fields");
        const QList<RequestBodyText::Field> fields = RequestBodyText::formFields(body);
        m_ui->formTable->setRowCount(int(fields.size()));
        for (int i = 0; i < fields.size(); ++i) {
            m_ui->formTable->setItem(i, 0, new QTableWidgetItem(fields.at(i).first));
            m_ui->formTable->setItem(i, 1, new QTableWidgetItem(fields.at(i).second));
        }
        m_ui->bodyStack->setCurrentWidget(m_ui->formTable);
        break;
    }
    case Kind::Json:
        kind = tr("JSON");
        tabTitle = tr("JSON");
        m_ui->bodyText->setPlainText(RequestBodyText::indentJson(QString::fromUtf8(body)));
        break;
    case Kind::Text:
        kind = tr("text");
        m_ui->bodyText->setPlainText(QString::fromUtf8(body));
        break;
    case Kind::Latin1:
        kind = tr("not UTF-8, shown as Latin-1");
        m_ui->bodyText->setPlainText(QString::fromLatin1(body));
        break;
    }
    const qint64 size = std::max<qint64>(entry.bodySize, body.size());
    m_ui->bodyTitleLabel->setText(tr("Body: %1 bytes, %2").arg(locale.toString(size), kind));
    m_ui->bodyTabs->setTabText(0, tabTitle);
    m_ui->bodyTabs->setTabText(1, tr("Raw"));

    QStringList notes;
    if (!entry.bodyComplete()) {
        notes.append(tr("Only the first %1 of the %2 bytes received are shown: the rest was not "
                        "stored (cut at the body limit) or not loaded.")
                         .arg(locale.toString(body.size()), locale.toString(entry.bodySize)));
    }
    if (body.size() > MaxDumpBytes) {
        notes.append(
            tr("The raw view shows the first %1 bytes.").arg(locale.toString(MaxDumpBytes)));
    }
    m_ui->bodyNoteLabel->setText(notes.join(QLatin1Char(' ')));
    m_ui->bodyNoteLabel->setVisible(!notes.isEmpty());
    m_ui->rawText->setPlainText(RequestBodyText::hexDump(body.left(MaxDumpBytes)));
}

void RequestDetailPane::showParsed(const RequestLogEntry& entry)
{
    const HttpRequest request = requestOf(entry);
    const ProviderAdapter* adapter = m_providers.adapterFor(entry.provider);
    // The placeholder colour is often the text colour, half transparent: blended for HTML.
    const QColor placeholder = palette().color(QPalette::PlaceholderText);
    const QColor base = m_ui->parsedView->palette().color(QPalette::Base);
    const double alpha = placeholder.alphaF();
    const QString muted =
        QColor::fromRgbF(float(placeholder.redF() * alpha + base.redF() * (1 - alpha)),
                         float(placeholder.greenF() * alpha + base.greenF() * (1 - alpha)),
                         float(placeholder.blueF() * alpha + base.blueF() * (1 - alpha)))
            .name();
    m_ui->parsedView->document()->setDefaultStyleSheet(
        QStringLiteral("span.label { color: %1; } p.note { color: %1; }").arg(muted));
    QString html;
    if (!adapter) {
        const ProviderRegistry::Detection detection = m_providers.detect(request);
        if (!detection.ok()) {
            html += QStringLiteral("<h3>%1</h3><p>%2</p>")
                        .arg(esc(tr("No provider")),
                             esc(tr("The request names no provider and none recognises its "
                                    "body: %1")
                                     .arg(detection.rejection.reason)));
            m_ui->parsedView->setHtml(html);
            return;
        }
        adapter = detection.adapter;
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Recognised as %1 by its body.").arg(providerName(adapter->id()))));
    }

    AdapterContext context;
    context.defaultRegion = m_defaultRegion;
    const AdapterResult result = adapter->parse(request, context);
    const QString name = providerName(adapter->id());
    if (!result.ok()) {
        const Rejection& rejection = result.rejection();
        html +=
            QStringLiteral("<h3 style=\"color:%1\">%2</h3>")
                .arg(RequestLogModel::outcomeColor(RequestLogModel::OutcomeClass::Refused).name(),
                     esc(tr("The %1 adapter refuses this request").arg(name)));
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
        html += textRow(tr("Answer"), tr("HTTP %1 %2")
                                          .arg(rejection.httpStatus)
                                          .arg(QString::fromLatin1(
                                              HttpResponse::reasonPhrase(rejection.httpStatus))));
        html += textRow(tr("Outcome"), RequestLogModel::outcomeText(rejection.outcomeCode));
        html += textRow(tr("Reason"), rejection.reason);
        if (!rejection.field.isEmpty())
            html += textRow(tr("Field"), rejection.field);
        html += QStringLiteral("</table>");
    } else if (result.events().isEmpty()) {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("The request holds no message and no status report.")));
    }

    int number = 0;
    const auto count = result.events().size();
    for (const InboundEvent& event : result.events()) {
        ++number;
        const QString position =
            count > 1 ? QStringLiteral(" %1/%2").arg(number).arg(count) : QString();
        auto timeRow = [](const QString& label, const QDateTime& time) {
            if (!time.isValid())
                return textRow(label, tr("not in the payload"));
            const QString utc = utcText(time);
            const QString local = localText(time);
            return row(label, local == utc ? esc(utc)
                                           : esc(utc) + QStringLiteral("<br>") +
                                                 esc(tr("%1 (local)").arg(local)));
        };
        const QString table = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
        if (const auto* message = std::get_if<InboundMessage>(&event)) {
            html += QStringLiteral("<h3>%1</h3>")
                        .arg(esc((message->media.isEmpty() ? tr("Inbound message%1")
                                                           : tr("Inbound message with media%1"))
                                     .arg(position)));
            html += table;
            html += textRow(tr("Direction"), tr("inbound: to one of our numbers"));
            html += textRow(tr("From"), message->remoteIsAlphanumeric
                                            ? tr("%1 (sender name)").arg(message->remote)
                                            : message->remote);
            QString to = message->did;
            if (message->device) {
                const QString device = tr("device %1, SIM %2")
                                           .arg(message->device->deviceIdText())
                                           .arg(message->device->sim);
                to = to.isEmpty() ? device : to + QStringLiteral(" (") + device + QLatin1Char(')');
            }
            html += textRow(tr("To"), to);
            html += timeRow(tr("Sent"), message->providerTime);
            html += row(tr("Text"),
                        message->text.isEmpty()
                            ? esc(tr("(empty)"))
                            : QStringLiteral("<span style=\"white-space:pre-wrap\">%1</span>")
                                  .arg(esc(message->text)));
            if (!message->media.isEmpty()) {
                QStringList media;
                for (const QString& url : message->media)
                    media.append(esc(url));
                html += row(tr("Media"), media.join(QStringLiteral("<br>")));
            }
            if (message->segments)
                html += textRow(tr("Segments"), QString::number(*message->segments));
            if (!message->providerMessageId.isEmpty())
                html += textRow(tr("Provider id"), message->providerMessageId);
            html += textRow(tr("Dedupe key"), message->dedupeKey);
            if (message->pbx) {
                html += textRow(tr("Service id"), message->pbx->serviceId);
                if (!message->pbx->webhookUrl.isEmpty())
                    html += textRow(tr("Webhook URL"), message->pbx->webhookUrl);
                if (!message->pbx->webhookUrlFallback.isEmpty())
                    html += textRow(tr("Fallback email"), message->pbx->webhookUrlFallback);
            }
            if (message->gateway) {
                html +=
                    textRow(tr("Phone's SMS id"), QString::number(message->gateway->internalId));
                html += textRow(tr("Device name"), message->gateway->deviceName);
                html += timeRow(tr("Date sent"), message->gateway->dateSent);
            }
        } else {
            const auto& update = std::get<StatusUpdate>(event);
            html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Status report%1").arg(position)));
            html += table;
            html += textRow(tr("Direction"), tr("outbound: a report on a message we sent"));
            QString from = update.did;
            if (update.device) {
                const QString device = tr("device %1, SIM %2")
                                           .arg(update.device->deviceIdText())
                                           .arg(update.device->sim);
                from = from.isEmpty() ? device
                                      : from + QStringLiteral(" (") + device + QLatin1Char(')');
            }
            html += textRow(tr("From"), from.isEmpty() ? tr("not in the payload") : from);
            html += textRow(tr("To"),
                            update.remote.isEmpty() ? tr("not in the payload") : update.remote);
            QString status = deliveryStatusName(update.status);
            if (!update.rawStatus.isEmpty())
                status += tr(" (the provider says \"%1\")").arg(update.rawStatus);
            html += textRow(tr("Status"), status);
            if (!update.statusMeaning.isEmpty())
                html += textRow(tr("Meaning"), update.statusMeaning);
            if (!update.statusText.isEmpty() && update.statusText != update.statusMeaning)
                html += textRow(tr("Provider's words"), update.statusText);
            if (!update.errorCode.isEmpty())
                html += textRow(tr("Error code"), update.errorCode);
            html += timeRow(tr("Time"), update.providerTime);
            html += textRow(tr("Provider id"), update.providerMessageId);
            html += textRow(tr("Dedupe key"), update.dedupeKey);
        }
        html += QStringLiteral("</table>");
    }
    if (entry.messageId > 0) {
        // The thread the stored message belongs to.
        QString link = QStringLiteral("<p><a href=\"%1\">%2</a>")
                           .arg(conversationHref(), esc(tr("Open conversation")));
        if (!entry.did.isEmpty() && !entry.remote.isEmpty()) {
            link += QStringLiteral(" <span class=\"label\">%1</span>")
                        .arg(esc(tr("%1 \u2194 %2").arg(entry.did, entry.remote)));
        }
        html += link + QStringLiteral("</p>");
    }

    QStringList notes;
    if (!entry.bodyComplete())
        notes.append(tr("The body is incomplete, so this reading may differ from the original."));
    notes.append(tr("Read again now by the %1 adapter from the logged request. Numbers are not "
                    "matched to provisioned ones and credentials are not checked here.")
                     .arg(name));
    html += QStringLiteral("<p class=\"note\">%1</p>").arg(esc(notes.join(QLatin1Char(' '))));
    m_ui->parsedView->setHtml(html);
}

void RequestDetailPane::showResponse(const RequestLogEntry& entry)
{
    if (entry.responseStatus > 0) {
        m_ui->responseStatusLabel->setText(
            tr("HTTP %1 %2")
                .arg(entry.responseStatus)
                .arg(QString::fromLatin1(HttpResponse::reasonPhrase(entry.responseStatus))));
    } else {
        m_ui->responseStatusLabel->setText(tr("No response recorded"));
    }
    m_ui->latencyLabel->setText(
        entry.latencyUs >= 0
            ? tr("Answered after %1 ms")
                  .arg(QLocale().toString(double(entry.latencyUs) / 1000.0, 'f', 2))
            : tr("No latency recorded"));

    const QByteArray body = entry.responseBody.toUtf8();
    if (entry.responseBody.isNull()) {
        m_ui->responseBodyText->setPlainText(tr("(none recorded)"));
    } else if (body.isEmpty()) {
        m_ui->responseBodyText->setPlainText(QString()); // the placeholder says "(empty)"
    } else if (RequestBodyText::isJson(body)) {
        m_ui->responseBodyText->setPlainText(RequestBodyText::indentJson(entry.responseBody));
    } else {
        m_ui->responseBodyText->setPlainText(entry.responseBody);
    }
}

void RequestDetailPane::showReason(const RequestLogEntry& entry)
{
    const auto outcomeClass = RequestLogModel::outcomeClass(entry.outcome, entry.responseStatus);
    const bool problem = outcomeClass != RequestLogModel::OutcomeClass::Ok;
    // Away from the Reason tab before it is hidden (QTabWidget would pick its neighbour).
    if (!problem && m_ui->tabs->currentIndex() == ReasonTab)
        m_ui->tabs->setCurrentIndex(RequestTab);
    m_ui->tabs->setTabEnabled(ReasonTab, problem);
    m_ui->tabs->setTabVisible(ReasonTab, problem);

    m_ui->outcomeTitleLabel->setText(RequestLogModel::outcomeText(entry.outcome));
    QPalette titlePalette = m_ui->outcomeTitleLabel->palette();
    titlePalette.setColor(QPalette::WindowText, RequestLogModel::outcomeColor(outcomeClass));
    m_ui->outcomeTitleLabel->setPalette(titlePalette);
    QString code = tr("Outcome code: %1").arg(entry.outcome);
    if (entry.responseStatus > 0) {
        code += tr(", answered HTTP %1 %2")
                    .arg(entry.responseStatus)
                    .arg(QString::fromLatin1(HttpResponse::reasonPhrase(entry.responseStatus)));
    }
    m_ui->outcomeCodeLabel->setText(code);
    m_ui->reasonLabel->setText(entry.reason.isEmpty() ? tr("No reason was recorded.")
                                                      : entry.reason);
}

} // namespace smsdesk
