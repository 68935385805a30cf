#pragma once

class QTableView;

namespace smsdesk {

class Clock;

// The columns of the Inspector's request table (a view of RequestLogModel): widths from the
// font rather than from the rows, so that live rows cost no measuring and together they fit a
// 1280-pixel screen; the time of day in the time column (RequestTimeDelegate); the peer column
// last and the number column hidden (From -> To has our number); and a header context menu
// that shows and hides columns, one of them always staying.
class RequestLogColumns
{
public:
    // Sets the columns of `table` up; its model must be set. `clock` must outlive the table.
    static void setUp(QTableView& table, const Clock& clock);
};

} // namespace smsdesk
