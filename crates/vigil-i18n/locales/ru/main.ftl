# Русский каталог vigil. Те же ключи, что в en/main.ftl и be/main.ftl. Числа приходят
# уже отформатированными ($NAME), их форма множественного числа, выбранная ICU4X, —
# в $NAME_form (one, few, many, other).

## Рамка каждой страницы

nav-dashboard = Сводка
nav-persons = Люди
nav-editors = Редакторам
language = Язык
footer-computed = Рассчитано по записи журнала { $entries }, хеш { $head }…. Любое число можно воспроизвести с { $asof }.

## Сводка

held-today-title = Политзаключённые в заключении сегодня
held-bounds = от { $min } точно до { $max } возможно в заключении, где даты известны только до месяца или года
# Без точки в конце: дата кончается на «г.».
held-today-note = Признанные политзаключённые под стражей на { $day }
reported-figures = Опубликованные цифры
figure-in-country = в стране: { $country }
figure-as-of = на { $date }
held-over-time = Число в заключении по времени
chart-legend = Линия: основное число. Полоса: от точно до возможно в заключении. Метки: объявления (помилования, амнистии); выберите метку, чтобы открыть объявление.
chart-title = Политзаключённые в заключении, с { $from } по { $to }
chart-label = Число политзаключённых в заключении по времени
chart-empty = Для графика недостаточно данных.
waves-in-year = Волны помилований в { $year } году
count-waves = { $n_form ->
    [one] { $n } волна
    [few] { $n } волны
    [many] { $n } волн
   *[other] { $n } волны
}
count-persons = { $n_form ->
    [one] { $n } человек
    [few] { $n } человека
    [many] { $n } человек
   *[other] { $n } человека
}
col-ordinal = №
col-date = дата
col-count = число
col-running-total = всего с начала года
col-breakdown = состав
col-identified = опознаны
col-month = месяц
col-name = имя
col-country = страна
col-status = статус
col-event = событие
col-details = подробности
col-sources = источники
in-and-out = Задержаны и освобождены
flow-summary = С { $from } по { $to }: задержаны — { $detained }, признаны — { $recognized }, помилованы — { $pardoned }
flow-ratio = на одного помилованного признано { $ratio }
from = с
to = по
show = Показать
who-held-today = Кто в заключении сегодня
by-sex = По полу
by-age = По возрасту
by-role = По роду занятий
by-region = По региону
fewer-than = меньше { $n }
previous-year = ← { $year }
next-year = { $year } →

## Люди

persons-title = Люди
filter-name = Имя
filter-name-hint = в любом написании
filter-country = Страна
filter-status = Статус
filter-role = Род занятий
filter-role-hint = например, журналист
filter-any = любой
filter-button = Отобрать
status-today = Статус сегодня:
names = Имена
timeline = Хронология
roles-none = нет
link-announcement = объявление
term-months = { $n_form ->
    [one] { $n } месяц
    [few] { $n } месяца
    [many] { $n } месяцев
   *[other] { $n } месяца
}
yes = да
no = нет
name-transliterated = транслитерация

## Объявления

announcement-title = { $kind } от { $date }
issued-by = Объявил(а): { $issuer }.
names-not-disclosed = имена не раскрыты
breakdown = Состав
official-claims = Официальные заявления
claims-note = Заявления объявившего, записанные как заявления, а не как проверенные факты.
identified-so-far = Опознаны пока: { $n }
identified-of-total = Опознаны пока: { $n } из { $total }
identified-not-shown = { $n_form ->
    [one] { $n } опознанный человек не показан публично.
    [few] { $n } опознанных человека не показаны публично.
    [many] { $n } опознанных человек не показаны публично.
   *[other] { $n } опознанного человека не показаны публично.
}
sources = Источники

## Сведения о человеке

fact-sex = пол
fact-birth_date = дата рождения
fact-country = страна
fact-region = регион
fact-roles = род занятий

## Словарь: каждое значение переведено один раз и используется везде

status-held = в заключении
status-released = освобождён(а)
status-not_detained = не задерживался(-лась)
step-day = день
step-week = неделя
step-month = месяц
sex-female = женский
sex-male = мужской
sex-other = другой
sex-unknown = неизвестен
visibility-public = открыто
visibility-restricted = ограничено
visibility-confidential = конфиденциально
health-disability = инвалидность
health-chronic_illness = хроническое заболевание
event-kind-detained = задержание
event-kind-charged = обвинение
event-kind-sentenced = приговор
event-kind-recognized = признан(а) политзаключённым
event-kind-recognition_withdrawn = статус политзаключённого снят
event-kind-transferred = этапирование
event-kind-conditions = условия содержания
event-kind-released = освобождение
event-kind-pardoned = помилование
event-kind-exiled = выдворение
event-kind-harassed = преследование
event-kind-died_in_custody = смерть под стражей
event-kind-disappeared = исчезновение
release-reason-end_of_term = окончание срока
release-reason-pardon = помилование
release-reason-amnesty = амнистия
release-reason-acquittal = оправдание
release-reason-deported = выдворение
release-reason-conditional = условно-досрочное освобождение
release-reason-other = другое
confidence-confirmed = подтверждено
confidence-reported = сообщается
confidence-alleged = по непроверенным данным
announcement-kind-pardon = Помилование
announcement-kind-amnesty = Амнистия
announcement-kind-release = Освобождение
announcement-kind-recognition = Признание
qualifier-exact = { "" }
qualifier-approximately = около
qualifier-at_least = не менее
qualifier-more_than = более
qualifier-up_to = до
metric-political_prisoners_held = политзаключённых в заключении
metric-released = освобождены
metric-pardon_waves_year = волн помилований за год
metric-pardoned_total_year = помилованных за год
metric-exiled_total = высланных всего
metric-pardoned = помилованы
breakdown-women = женщины
breakdown-men = мужчины
breakdown-under_25 = моложе 25 лет
breakdown-minors = несовершеннолетние
breakdown-pensioners = пенсионеры
breakdown-disabled = люди с инвалидностью
breakdown-chronic_illness = хронически больные
breakdown-withheld = не раскрывается
breakdown-unknown = неизвестно
detail-to = куда
detail-from = откуда
detail-note = примечание
detail-reason = основание
detail-by = кем
detail-term_months = срок
detail-term_start = срок с
detail-articles = статьи
detail-court = суд
detail-place = место
detail-in_transit = на этапе
detail-regime = режим
role-journalist = журналист
role-lawyer = адвокат
role-human_rights_defender = правозащитник
role-politician = политик
role-civic_activist = гражданский активист
role-trade_unionist = профсоюзный деятель
role-culture_worker = деятель культуры
role-activist = активист
role-student = студент
role-religious = священнослужитель
country-BY = Беларусь
country-RU = Россия
country-UA = Украина
country-MM = Мьянма
country-VE = Венесуэла
country-AZ = Азербайджан
country-KZ = Казахстан
country-GE = Грузия
country-TJ = Таджикистан
country-TM = Туркменистан
country-UZ = Узбекистан
country-KG = Кыргызстан
country-CU = Куба
country-NI = Никарагуа
country-IR = Иран
country-CN = Китай
