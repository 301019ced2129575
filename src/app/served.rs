//! The served session's own overlays, on the facilitator's screen: from the
//! join screen (`U`, made to be projected), the facilitator's code shown
//! apart and on purpose (`F`), and who is connected (`C`), where one
//! connection may be closed after a question. And `w`'s answer, which
//! on a screen joined over ssh says how to get a copy instead of a folder
//! of the serving machine.

use crossterm::event::{KeyCode, KeyEvent};

use super::notice::info_worded;
use super::{Model, Overlay};

/// A key on one of these overlays; `None`: not one of them.
pub(super) fn on_key(model: &mut Model, overlay: &Overlay, key: &KeyEvent) -> Option<()> {
    match overlay {
        Overlay::Join => match key.code {
            KeyCode::Char('F' | 'f') => model.overlay = Some(Overlay::FacilitatorCode),
            KeyCode::Char('C' | 'c') => {
                model.overlay = Some(Overlay::Connections {
                    selected: 0,
                    asking: false,
                });
            }
            _ => return None,
        },
        // Shown on purpose; any key hides it.
        Overlay::FacilitatorCode | Overlay::WhereFile => {}
        Overlay::Connections { selected, asking } => {
            model.overlay = connections_key(model, *selected, *asking, key);
        }
        _ => return None,
    }
    Some(())
}

fn connections_key(
    model: &mut Model,
    selected: usize,
    asking: bool,
    key: &KeyEvent,
) -> Option<Overlay> {
    let connections = model.join.as_ref()?.connections.clone();
    let now = connections.now();
    let selected = selected.min(now.len().saturating_sub(1));
    let stay = |selected, asking| Some(Overlay::Connections { selected, asking });
    if asking {
        return match key.code {
            KeyCode::Enter | KeyCode::Char('s' | 'S' | 'y' | 'Y') => {
                if let Some(card) = now.get(selected)
                    && connections.close(card.id)
                {
                    let who = format!("{} ({})", card.user, card.address);
                    model.notice = Some(info_worded(move |lang| lang.connection_closed(&who)));
                }
                stay(selected, false)
            }
            _ => stay(selected, false),
        };
    }
    match key.code {
        KeyCode::Down | KeyCode::Char('j') => {
            stay((selected + 1).min(now.len().saturating_sub(1)), false)
        }
        KeyCode::Up | KeyCode::Char('k') => stay(selected.saturating_sub(1), false),
        KeyCode::Char('x' | 'X') | KeyCode::Delete if !now.is_empty() => stay(selected, true),
        KeyCode::Esc | KeyCode::Char('q') => None,
        _ => stay(selected, false),
    }
}
