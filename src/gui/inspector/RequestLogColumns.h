#pragma once

class QTableView;

namespace smsdesk {

class Clock;

// The columns of the Inspector's request table (a view of RequestLogModel): widths from the
// font rather than from the rows, so that live rows cost no measuring, until fitToRows() sizes
// them once to the rows there are; the time in the time column (RequestTimeDelegate); the kind
// after the time, the peer column last, the number and method columns hidden (From -> To has
// our number, and nearly every webhook is a POST); and a header context menu that shows and
// hides columns, one of them always staying.
class RequestLogColumns
{
public:
    // Sets the columns of `table` up; its model must be set. `clock` must outlive the table.
    static void setUp(QTableView& table, const Clock& clock);
    // Sizes the columns shown to the rows in view (each up to the widest value worth the
    // room), the long ones giving room back until the last one, which stretches, fits too.
    static void fitToRows(QTableView& table);
};

} // namespace smsdesk
