from generator.site.searchunit import add_unit_name


def test_every_heading_gets_the_unit_names_it_does_not_say_hidden():
    page = ('<h1 id="x">海南朝鲜族乡 · 指标卡</h1><p>战略地图</p>'
            '<h2 id="战略地图">战略地图<a class="headerlink" href="#战略地图" title="本节链接">&para;</a></h2>'
            '<h3 id="m-1">M-1 <em>满意度</em></h3>')
    out = add_unit_name(page, ["海南朝鲜族乡", "海南乡"])
    assert out == ('<h1 id="x">海南朝鲜族乡 · 指标卡<span hidden> · 海南乡</span></h1><p>战略地图</p>'
                   '<h2 id="战略地图">战略地图<span hidden> · 海南朝鲜族乡、海南乡</span>'
                   '<a class="headerlink" href="#战略地图" title="本节链接">&para;</a></h2>'
                   '<h3 id="m-1">M-1 <em>满意度</em><span hidden> · 海南朝鲜族乡、海南乡</span></h3>')


def test_names_are_escaped():
    assert add_unit_name("<h2>a</h2>", ["<b>"]) == "<h2>a<span hidden> · &lt;b&gt;</span></h2>"


def test_english_names_are_joined_with_a_comma():
    assert add_unit_name("<h2>Map</h2>", ["Riverton", "River"], ", ") == \
        "<h2>Map<span hidden> · Riverton, River</span></h2>"
