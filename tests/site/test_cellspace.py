from generator.site.cellspace import spaced


def test_cells_and_rows_are_kept_apart():
    html = ('<table><thead><tr><th scope="col">Stage</th><th>Units</th></tr></thead>'
            '<tbody><tr><td>Pilot</td><td class="n">3</td></tr><tr><td>Live</td><td>5</td></tr></tbody></table>')
    assert spaced(html) == ('<table><thead><tr><th scope="col">Stage</th> <th>Units</th></tr></thead>'
                            '<tbody><tr><td>Pilot</td> <td class="n">3</td></tr>\n<tr><td>Live</td> <td>5</td></tr>'
                            '</tbody></table>')


def test_other_markup_is_left_alone():
    html = "<p>a</p><p>b</p><td>x</td><thead>"
    assert spaced(html) == html
